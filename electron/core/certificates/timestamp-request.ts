/**
 * Asks a time-stamp authority for trusted time over a digest, for PAdES B-T signature
 * time-stamps and document time-stamps (ETSI EN 319 142-1 §5.3, §5.4): an RFC 3161
 * TimeStampReq (§2.4.1: version 1, SHA-256 message imprint, a random nonce, certReq so the
 * token carries the TSA certificate) sent over the HTTP transport of RFC 3161 §3.4. The
 * answer is checked before anyone stores it — status granted, a token that imprints this
 * digest and echoes this nonce (so it answers this request, not a replayed one) and verifies
 * (timestamp-token.ts) — because a token that fails later, in a hospital's verifier, cannot be
 * fetched again for the same moment.
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { pkijsWithNodeCrypto } from './pkijs-engine';
import { OID_SHA256 } from './cms-oids';
import { checkTimestampToken, readDerElement, readTimestampInfo } from './timestamp-token';

export interface TimestampRequestOptions {
  /** Give up after this long, connection and body included (default 15 s). */
  readonly timeoutMs?: number;
  readonly fetchImpl?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** A token with a certificate chain is a few kilobytes; more than this is not an answer. */
const MAX_RESPONSE_BYTES = 1024 * 1024;
const STATUS_GRANTED = 0;
const STATUS_GRANTED_WITH_MODS = 1;

/** A positive 64-bit nonce, minimally encoded: first byte 0x01–0x7f. */
function randomNonce(): Buffer {
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0] as number) & 0x7f || 0x01;
  return nonce;
}

function timeStampRequest(digest: Buffer, nonce: Buffer): Uint8Array<ArrayBuffer> {
  const pkijs = pkijsWithNodeCrypto();
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID_SHA256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: digest }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    certReq: true,
  });
  return new Uint8Array(request.toSchema().toBER());
}

/** The response body, refusing more than MAX_RESPONSE_BYTES without reading on. */
async function readLimited(response: Response): Promise<Buffer> {
  if (!response.body) throw new Error('the time-stamp authority sent no body');
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw new Error('the time-stamp response is too large');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The response as asn1js read it: one DER SEQUENCE filling the body, or a throw. */
function responseSequence(body: Buffer): asn1js.Sequence {
  try {
    const { element, bytes } = readDerElement(body);
    if (bytes.length === body.length && element instanceof asn1js.Sequence) return element;
  } catch (error) {
    throw new Error('the time-stamp response is not DER', { cause: error });
  }
  throw new Error('the time-stamp response is not DER');
}

/** The token of a TimeStampResp (RFC 3161 §2.4.2), exactly as sent; throws unless the status grants it. */
function grantedToken(body: Buffer): Buffer {
  const response = responseSequence(body);
  const [statusInfo, token] = response.valueBlock.value;
  // The status is read before pkijs, which refuses a PKIStatus it does not know (above 5): that is a refusal all the same, and says so.
  const status = statusInfo instanceof asn1js.Sequence ? statusInfo.valueBlock.value[0] : undefined;
  const code =
    status instanceof asn1js.Integer && !(status instanceof asn1js.Enumerated) && status.valueBlock.valueHexView.length === 1
      ? status.valueBlock.valueHexView[0]
      : undefined;
  if (code === undefined) throw new Error('the time-stamp response has no status');
  if (code !== STATUS_GRANTED && code !== STATUS_GRANTED_WITH_MODS)
    throw new Error(`the time-stamp authority refused the request (status ${code})`);
  const pkijs = pkijsWithNodeCrypto();
  let granted: InstanceType<typeof pkijs.TimeStampResp>;
  try {
    granted = new pkijs.TimeStampResp({ schema: response });
  } catch (error) {
    throw new Error('the time-stamp response has no status', { cause: error });
  }
  // pkijs takes the token when it is a ContentInfo; the bytes returned are the ones the TSA sent, not pkijs's re-encoding.
  if (!granted.timeStampToken || !(token instanceof asn1js.Sequence)) throw new Error('the time-stamp response has no token');
  return Buffer.from(token.valueBeforeDecodeView);
}

/**
 * Requests a time-stamp token over `digest` (the SHA-256 of the data) from the TSA at `url`
 * (http: or https:); returns the token's DER, a ContentInfo holding SignedData.
 */
export async function requestTimestamp(url: string, digest: Buffer, options: TimestampRequestOptions = {}): Promise<Buffer> {
  if (digest.length !== 32) throw new Error('the digest must be a SHA-256 digest');
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new Error('the time-stamp authority URL is not valid');
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error('the time-stamp authority URL must be http or https');

  const nonce = randomNonce();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let body: Buffer;
  try {
    const response = await (options.fetchImpl ?? fetch)(target, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query', Accept: 'application/timestamp-reply' },
      body: timeStampRequest(digest, nonce),
      signal: controller.signal,
      redirect: 'error',
    });
    if (response.status !== 200) throw new Error(`the time-stamp authority answered HTTP ${response.status}`);
    body = await readLimited(response);
  } catch (error) {
    if (controller.signal.aborted) throw new Error('the time-stamp authority did not answer in time', { cause: error });
    if (error instanceof TypeError) throw new Error('the time-stamp authority could not be reached', { cause: error });
    throw error;
  } finally {
    clearTimeout(timer);
  }

  const token = grantedToken(body);
  const check = await checkTimestampToken(token, digest);
  if (!check.valid) throw new Error(`the time-stamp token is not usable: ${check.problem ?? 'invalid'}`);
  if (readTimestampInfo(token).nonce !== BigInt(`0x${nonce.toString('hex')}`))
    throw new Error('the time-stamp token does not answer this request (nonce)');
  return token;
}
