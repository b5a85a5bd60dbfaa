/**
 * pkijs does its cryptography through a WebCrypto engine it looks up globally. Node has
 * WebCrypto built in; this sets it once, before any CMS, timestamp or chain code runs, so
 * that every module using pkijs works the same in the main process, workers, the CLI and tests.
 */
import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

let ready = false;

/** pkijs, with Node's WebCrypto as its engine. */
export function pkijsWithNodeCrypto(): typeof pkijs {
  if (!ready) {
    pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as never }));
    ready = true;
  }
  return pkijs;
}
