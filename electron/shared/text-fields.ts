/**
 * The two kinds of free text the IPC contract accepts from a person, shared by every feature
 * (sites, the media ledger, …) so that the rule against control characters — which could hide
 * text in a log, a CSV cell or a certificate — is written once.
 */
import { z } from 'zod';

/** Free text that may span lines (an address, notes): no control characters but line breaks and tabs. */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^(?:\P{Cc}|[\t\n\r])*$/u);
/** A name, a number, a path: one line, no control characters. */
export const Line = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^\P{Cc}*$/u);
