/** Whether a failed request was refused with one of the sites feature's own error codes. */
import type { sitesErrorCodes } from '@shared/sites';
import { BridgeError } from '../../lib/bridge';

export function refusedWith(error: unknown, code: (typeof sitesErrorCodes)[number]): boolean {
  if (!(error instanceof BridgeError)) return false;
  const received: string = error.code;
  return received === code;
}
