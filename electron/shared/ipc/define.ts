/**
 * The shape of the IPC contract. Every channel is declared once, with zod schemas for its
 * request and its response (docs/decisions.md, "IPC"); the main-process router, the renderer's typed
 * client and the fuzz test are all derived from these declarations, so a channel cannot be
 * reachable without validation.
 */
import { z } from 'zod';

export interface ChannelDefinition<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
}

export interface EventDefinition<Payload extends z.ZodType = z.ZodType> {
  readonly payload: Payload;
}

/** Declares a request/response channel. Requests are strict objects: unknown keys are refused. */
export function defineChannel<Req extends z.ZodType, Res extends z.ZodType>(definition: {
  request: Req;
  response: Res;
}): ChannelDefinition<Req, Res> {
  return Object.freeze({ ...definition });
}

/** Declares an event that the main process pushes to the renderer. */
export function defineEvent<Payload extends z.ZodType>(payload: Payload): EventDefinition<Payload> {
  return Object.freeze({ payload });
}

/** The request a channel takes when it needs none: an empty object, nothing else. */
export const noRequest = z.object({}).strict();
