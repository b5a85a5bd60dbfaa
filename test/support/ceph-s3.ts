/**
 * A real S3 store with Object Lock for the company archive's tests (issue 20): a single-node
 * Ceph — one monitor, one OSD on memstore (RAM, nothing on disk but logs) and a RADOS Gateway
 * on 127.0.0.1 — started in a temporary folder for one test file and stopped by PID in
 * afterAll, even when the start failed half-way. Debian's ceph-mon, ceph-osd and radosgw
 * (scripts/install-test-deps.sh) are what the tests need; without them `cephMissing` says so
 * in one line, for `describe.skipIf`.
 */
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

const BINARIES = ['ceph-mon', 'ceph-osd', 'radosgw', 'radosgw-admin', 'ceph-authtool', 'monmaptool', 'ceph'];

function onPath(binary: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, binary)));
}

/** Null when a single-node Ceph can be started here; else the one line a skipped test shows. */
export const cephMissing: string | null = (() => {
  const missing = BINARIES.filter((b) => !onPath(b));
  return missing.length === 0
    ? null
    : `Ceph is not installed (${missing.join(', ')} missing; scripts/install-test-deps.sh installs it): S3 Object Lock tests skipped`;
})();

export interface CephS3 {
  /** http://127.0.0.1:PORT, the RADOS Gateway's S3 endpoint. */
  readonly endpoint: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Makes one more S3 user (e.g. the security office's), returning its keys. */
  createUser(uid: string): Promise<{ accessKeyId: string; secretAccessKey: string }>;
  /** Kills every daemon it started (by PID) and removes the folder. Safe to call twice. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, log?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  const tail = log ? (await readFile(log, 'utf8').catch(() => '')).split('\n').slice(-15).join('\n') : '';
  throw new Error(`ceph-s3: ${what} did not come up in ${timeoutMs} ms\n${tail}`);
}

function configuration(dir: string, fsid: string, monPort: number, rgwPort: number, memstoreBytes: number): string {
  return `[global]
fsid = ${fsid}
mon host = v2:127.0.0.1:${monPort}
ms bind msgr1 = false
ms bind ipv6 = false
auth allow insecure global id reclaim = false
osd pool default size = 1
osd pool default min size = 1
mon allow pool size one = true
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
osd objectstore = memstore
memstore device bytes = ${memstoreBytes}
run dir = ${dir}/run
log file = ${dir}/log/$name.log
admin socket = ${dir}/run/$name.asok
keyring = ${dir}/keyring
mon data = ${dir}/mon/$name
osd data = ${dir}/osd/$name
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:${rgwPort}
rgw data = ${dir}/rgw
`;
}

/**
 * Starts mon, OSD and gateway in a new temporary folder and creates the test's S3 user. The OSD
 * keeps everything in RAM: 1 GiB is plenty for a test; the archive benchmark writes thousands
 * of documents that Object Lock forbids deleting between rounds, and asks for more.
 */
export async function startCephS3(options: { memstoreBytes?: number } = {}): Promise<CephS3> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-ceph-'));
  const daemons: ChildProcess[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const daemon of daemons.reverse()) {
      if (daemon.pid !== undefined && daemon.exitCode === null) {
        const exited = new Promise((r) => daemon.once('exit', r));
        daemon.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the daemon may have exited while we waited
        if (daemon.exitCode === null && daemon.signalCode === null) daemon.kill('SIGKILL');
      }
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const [monPort, rgwPort] = [await freePort(), await freePort()];
    const conf = path.join(dir, 'ceph.conf');
    for (const sub of ['run', 'log', 'mon/mon.a', 'osd/osd.0', 'rgw']) await mkdir(path.join(dir, sub), { recursive: true });
    const fsid = randomUUID();
    await writeFile(conf, configuration(dir, fsid, monPort, rgwPort, options.memstoreBytes ?? 1024 ** 3));
    const c = ['-c', conf];
    const keyring = path.join(dir, 'keyring');
    const authtool = (args: string[]) => exec('ceph-authtool', [keyring, ...args]);
    await authtool(['--create-keyring', '--gen-key', '-n', 'mon.', '--cap', 'mon', 'allow *']);
    await authtool(['--gen-key', '-n', 'client.admin', '--cap', 'mon', 'allow *', '--cap', 'osd', 'allow *', '--cap', 'mgr', 'allow *']);
    await authtool(['--gen-key', '-n', 'osd.0', '--cap', 'mon', 'allow profile osd', '--cap', 'osd', 'allow *']);
    await authtool(['--gen-key', '-n', 'client.rgw.a', '--cap', 'mon', 'allow rw', '--cap', 'osd', 'allow rwx']);
    const monmap = path.join(dir, 'monmap');
    await exec('monmaptool', [...c, '--create', '--fsid', fsid, '--addv', 'a', `[v2:127.0.0.1:${monPort}]`, monmap]);
    await exec('ceph-mon', [...c, '--mkfs', '-i', 'a', '--monmap', monmap, '--keyring', keyring]);

    const daemon = (binary: string, args: string[]) => {
      const child = spawn(binary, [...c, '-f', ...args], { stdio: 'ignore' });
      child.on('error', () => undefined);
      daemons.push(child);
      return child;
    };
    const ceph = (args: string[]) => exec('ceph', [...c, '--connect-timeout', '10', ...args]);
    daemon('ceph-mon', ['-i', 'a']);
    await waitFor('ceph-mon', async () => (await ceph(['mon', 'stat'])).stdout.length > 0, 20_000, path.join(dir, 'log/mon.a.log'));

    await ceph(['osd', 'create']);
    await exec('ceph-osd', [...c, '-i', '0', '--mkfs']);
    daemon('ceph-osd', ['-i', '0']);
    await waitFor('ceph-osd', async () => /1 up/.test((await ceph(['osd', 'stat'])).stdout), 30_000, path.join(dir, 'log/osd.0.log'));

    daemon('radosgw', ['-n', 'client.rgw.a']);
    const endpoint = `http://127.0.0.1:${rgwPort}`;
    await waitFor('radosgw', async () => (await fetch(endpoint)).status < 500, 60_000, path.join(dir, 'log/client.rgw.a.log'));

    const createUser = async (uid: string) => {
      const keys = { accessKeyId: randomBytes(10).toString('hex').toUpperCase(), secretAccessKey: randomBytes(20).toString('base64url') };
      await exec('radosgw-admin', [
        ...c,
        '-n',
        'client.admin',
        'user',
        'create',
        `--uid=${uid}`,
        `--display-name=${uid}`,
        `--access-key=${keys.accessKeyId}`,
        `--secret=${keys.secretAccessKey}`,
      ]);
      return keys;
    };
    const user = await createUser('fieldguard-test');
    return { endpoint, region: 'us-east-1', ...user, createUser, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** An S3 client on the store as an administrator would use it (bucket setup, attempts to delete), outside the app's port. */
export function adminClient(s3: Pick<CephS3, 'endpoint' | 'region' | 'accessKeyId' | 'secretAccessKey'>): S3Client {
  return new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** A bucket made as docs/fleet.md tells a company to: Object Lock enabled at creation (which turns versioning on). */
export async function createLockedBucket(client: S3Client, bucket: string): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: bucket, ObjectLockEnabledForBucket: true }));
}
