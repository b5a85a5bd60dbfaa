/**
 * A real RFC 3161 time-stamp authority for tests: OpenSSL's `ts -reply` (not a mock) behind
 * a Node HTTP server on 127.0.0.1, speaking the RFC 3161 §3.4 HTTP transport
 * (application/timestamp-query in, application/timestamp-reply out). Its root and TSA
 * certificates are made with `openssl` too; the TSA certificate has extendedKeyUsage critical
 * timeStamping (RFC 3161 §2.3). `opensslVerifyToken` checks a token with `openssl ts -verify`,
 * a verifier FieldGuard's code has no part in.
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TimestampAuthority {
  readonly url: string;
  /** The certificate the TSA certificate chains to (the given issuer's, when one was given). */
  readonly rootPem: string;
  readonly tsaCertPem: string;
  /** Requests received so far. */
  readonly requests: number;
  close(): Promise<void>;
}

export interface TimestampAuthorityOptions {
  /** Issue the TSA certificate from this CA instead of a new root. */
  readonly issuer?: { readonly certPem: string; readonly keyPem: string };
  /** `ess_cert_id_alg`: sha1 gives ESS signing-certificate (RFC 3161), sha256 signing-certificate-v2 (RFC 5816). */
  readonly essCertIdAlg?: 'sha1' | 'sha256';
  /** The TSA's key: RSA-3072 or ECDSA P-256. */
  readonly keyType?: 'rsa' | 'ec';
  /**
   * How the responder behaves: grant (OpenSSL's answer), reject (OpenSSL's answer with a
   * configuration that accepts no SHA-256 imprint, so it refuses with badAlg), garbage
   * (an HTML page), or hang (never answers).
   */
  readonly behaviour?: 'grant' | 'reject' | 'garbage' | 'hang';
}

const CERTIFICATE_CONFIG = `[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ root ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ tsa ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

function keyOptions(keyType: 'rsa' | 'ec'): string[] {
  return keyType === 'ec' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-newkey', 'rsa:3072'];
}

/** The root CA (unless an issuer is given) and the TSA certificate, as PEM files in `dir`. */
async function makeCertificates(
  dir: string,
  options: TimestampAuthorityOptions,
): Promise<{ rootFile: string; tsaFile: string; keyFile: string }> {
  const config = path.join(dir, 'certificates.cnf');
  writeFileSync(config, CERTIFICATE_CONFIG);
  const rootFile = path.join(dir, 'root.pem');
  const rootKey = path.join(dir, 'root.key');
  if (options.issuer) {
    writeFileSync(rootFile, options.issuer.certPem);
    writeFileSync(rootKey, options.issuer.keyPem, { mode: 0o600 });
  } else {
    await run('openssl', [
      'req',
      '-x509',
      '-config',
      config,
      '-extensions',
      'root',
      ...keyOptions('rsa'),
      '-nodes',
      '-keyout',
      rootKey,
      '-out',
      rootFile,
      '-days',
      '3650',
      '-subj',
      '/O=FieldGuard Tests/CN=FieldGuard Test TSA Root',
    ]);
  }
  const keyFile = path.join(dir, 'tsa.key');
  const request = path.join(dir, 'tsa.csr');
  const tsaFile = path.join(dir, 'tsa.pem');
  await run('openssl', [
    'req',
    '-new',
    '-config',
    config,
    ...keyOptions(options.keyType ?? 'rsa'),
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    request,
    '-subj',
    '/O=FieldGuard Tests/CN=FieldGuard Test TSA',
  ]);
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    request,
    '-CA',
    rootFile,
    '-CAkey',
    rootKey,
    '-set_serial',
    `0x${randomBytes(8).toString('hex')}`,
    '-days',
    '365',
    '-extfile',
    config,
    '-extensions',
    'tsa',
    '-out',
    tsaFile,
  ]);
  return { rootFile, tsaFile, keyFile };
}

/** An `openssl ts` configuration (see openssl-ts(1), "CONFIGURATION FILE OPTIONS"). */
function tsConfig(dir: string, options: TimestampAuthorityOptions): string {
  return `[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = ${path.join(dir, 'tsaserial')}
crypto_device = builtin
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.3161.1
other_policies = 1.3.6.1.4.1.99999.3161.2
digests = ${options.behaviour === 'reject' ? 'sha512' : 'sha256, sha384, sha512'}
accuracy = secs:1
clock_precision_digits = 0
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = ${options.essCertIdAlg ?? 'sha256'}
`;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export async function startTimestampAuthority(dir: string, options: TimestampAuthorityOptions = {}): Promise<TimestampAuthority> {
  const { rootFile, tsaFile, keyFile } = await makeCertificates(dir, options);
  const configFile = path.join(dir, 'ts.cnf');
  writeFileSync(configFile, tsConfig(dir, options));
  writeFileSync(path.join(dir, 'tsaserial'), '01\n');
  let requests = 0;
  // `openssl ts -reply` increments the serial file: one reply at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const reply = (queryFile: string, replyFile: string): Promise<unknown> => {
    const next = queue.then(() =>
      run('openssl', [
        'ts',
        '-reply',
        '-config',
        configFile,
        '-queryfile',
        queryFile,
        '-signer',
        tsaFile,
        '-inkey',
        keyFile,
        '-chain',
        rootFile,
        '-out',
        replyFile,
      ]),
    );
    queue = next.catch(() => undefined);
    return next;
  };

  const server = createServer((request, response) => {
    requests += 1;
    const id = requests;
    void (async () => {
      const body = await readBody(request);
      if (options.behaviour === 'hang') return;
      if (options.behaviour === 'garbage') {
        response
          .writeHead(200, { 'Content-Type': 'application/timestamp-reply' })
          .end(Buffer.from('<html><body>Service unavailable</body></html>'));
        return;
      }
      const queryFile = path.join(dir, `request-${id}.tsq`);
      const replyFile = path.join(dir, `reply-${id}.tsr`);
      writeFileSync(queryFile, body);
      await reply(queryFile, replyFile);
      response.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(readFileSync(replyFile));
    })().catch((error: unknown) => {
      response.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo; // a TCP server's address is an AddressInfo

  return {
    url: `http://127.0.0.1:${port}/tsa`,
    rootPem: readFileSync(rootFile, 'utf8'),
    tsaCertPem: readFileSync(tsaFile, 'utf8'),
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export interface OpensslVerifyInput {
  /** The time-stamped bytes (`-data`), or their SHA-256 (`-digest`). */
  readonly data?: Buffer;
  readonly digestHex?: string;
  /** A full TimeStampResp (`-in`), or a bare token (`-in … -token_in`). */
  readonly response?: Buffer;
  readonly token?: Buffer;
  readonly rootPem: string;
  readonly tsaCertPem: string;
}

/** Whether `openssl ts -verify` prints "Verification: OK" for the token or response. */
export function opensslVerifyToken(input: OpensslVerifyInput): boolean {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fieldguard-ts-verify-'));
  try {
    const file = (name: string, content: Buffer | string): string => {
      const target = path.join(dir, name);
      writeFileSync(target, content);
      return target;
    };
    const args = ['ts', '-verify', '-CAfile', file('root.pem', input.rootPem), '-untrusted', file('tsa.pem', input.tsaCertPem)];
    if (input.data) args.push('-data', file('data.bin', input.data));
    else if (input.digestHex) args.push('-digest', input.digestHex);
    else throw new Error('give data or digestHex');
    if (input.token) args.push('-in', file('token.der', input.token), '-token_in');
    else if (input.response) args.push('-in', file('response.tsr', input.response));
    else throw new Error('give response or token');
    const result = spawnSync('openssl', args, { encoding: 'utf8' });
    return `${result.stdout}${result.stderr}`.includes('Verification: OK');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
