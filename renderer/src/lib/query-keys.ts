/**
 * The renderer's query keys, built here and nowhere else (issue 18). A key is the query
 * channel's name, then the request it answers, so every answer of one channel shares the
 * prefix `[channel]` — which is what a change declared in `@shared/ipc/cache-effects` makes
 * stale. Keys named after channels cannot drift from the lists the contract says change.
 */
import type { RequestOf } from '@shared/contract';
import type { QueryChannel } from '@shared/ipc/cache-effects';

/** One cached answer: the channel and the request it answers. */
export function queryKey<C extends QueryChannel>(channel: C, request: RequestOf<C>): readonly [C, RequestOf<C>] {
  return [channel, request];
}

/** Every cached answer of one channel, whatever its request: what a change to its list makes stale. */
export function channelKey<C extends QueryChannel>(channel: C): readonly [C] {
  return [channel];
}
