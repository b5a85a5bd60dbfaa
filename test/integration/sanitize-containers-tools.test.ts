/**
 * Containers made by the tools attackers and vendors really use — genisoimage (ISO 9660),
 * qemu-img (VHD dynamic and fixed, VHDX), sfdisk (MBR and GPT disk images), mkfs.vfat (a
 * FAT volume image), 7-Zip, gcab
 * (CAB), GNU tar (long names in GNU and pax form) — recognised by content, whatever they are
 * called, and blocked inside a zip with the member named. The hand-built headers of the
 * corpus only show that detection agrees with itself; these show it agrees with the tools.
 */
import { execFile } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../electron/core/sanitize/analyze/analyze-file';
import { decideVerdict } from '../../electron/core/sanitize/decide-verdict';
import { DEFAULT_SANITIZE_POLICY } from '../../electron/core/sanitize/sanitize-policy';
import { portableExecutable, shortcut, zipOf } from '../support/sanitize-corpus';

const exec = promisify(execFile);
const TOOLS = [
  '/usr/bin/genisoimage',
  '/usr/bin/qemu-img',
  '/usr/bin/7z',
  '/usr/bin/gcab',
  '/usr/sbin/sfdisk',
  '/usr/sbin/mkfs.vfat',
  '/usr/bin/tar',
];
const AVAILABLE = TOOLS.every((tool) => existsSync(tool));

let dir: string;
let lure: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-containers-'));
  lure = path.join(dir, 'lure');
  await mkdir(lure);
  await writeFile(
    path.join(lure, 'invoice.hta'),
    '<html><head><HTA:APPLICATION ID="x"/><script>new ActiveXObject("WScript.Shell").Run("calc")</script></head></html>',
  );
  await writeFile(path.join(lure, 'readme.js'), 'var s = new ActiveXObject("WScript.Shell");\ns.Run("calc");\n');
  await writeFile(path.join(lure, 'invoice.pdf.lnk'), shortcut());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = (name: string) => path.join(dir, name);

/** Each container as the tool writes it, with the type and format it must be recognised as. */
async function containers(): Promise<[string, string, string][]> {
  await exec('genisoimage', ['-quiet', '-J', '-R', '-o', at('invoice.iso'), lure]);
  await exec('qemu-img', ['create', '-q', '-f', 'vpc', at('dynamic.vhd'), '8M']);
  await exec('qemu-img', ['create', '-q', '-f', 'vpc', '-o', 'subformat=fixed', at('fixed.vhd'), '8M']);
  // A used disk: its sectors hold data (empty ones would trip the zip's compression-ratio limit first).
  const fixed = await readFile(at('fixed.vhd'));
  randomFillSync(fixed, 0, fixed.length - 512);
  await writeFile(at('fixed.vhd'), fixed);
  await exec('qemu-img', ['create', '-q', '-f', 'vhdx', at('disk.vhdx'), '8M']);
  for (const [name, label] of [
    ['mbr.img', 'dos'],
    ['gpt.img', 'gpt'],
  ] as const) {
    await exec('truncate', ['-s', '8M', at(name)]);
    await new Promise<void>((resolve, reject) => {
      const child = execFile('/usr/sbin/sfdisk', ['-q', at(name)], (error) =>
        error ? reject(new Error(error.message, { cause: error })) : resolve(),
      );
      child.stdin?.end(`label: ${label}\n,,L\n`);
    });
  }
  await exec('/usr/sbin/mkfs.vfat', ['-C', at('floppy.img'), '1440']);
  await exec('7z', ['a', '-bd', '-y', at('lure.7z'), path.join(lure, '*')]);
  await exec('gcab', ['-c', '-n', at('lure.cab'), path.join(lure, 'invoice.hta'), path.join(lure, 'readme.js')]);
  return [
    ['invoice.iso', 'iso', 'ISO disk image'],
    ['dynamic.vhd', 'vhd', 'VHD disk image'],
    ['fixed.vhd', 'vhd', 'VHD disk image'],
    ['disk.vhdx', 'vhdx', 'VHDX disk image'],
    ['mbr.img', 'img', 'Raw disk image'],
    ['gpt.img', 'img', 'Raw disk image'],
    ['floppy.img', 'img', 'Raw disk image'],
    ['lure.7z', '7z', '7z archive'],
    ['lure.cab', 'cab', 'CAB archive'],
  ];
}

describe.skipIf(!AVAILABLE)('containers made by real tools (apt install genisoimage qemu-utils fdisk dosfstools p7zip-full gcab)', () => {
  it('recognises each by content and blocks it, inside a zip too, naming the member', async () => {
    for (const [name, type, format] of await containers()) {
      const bytes = await readFile(at(name));
      // Renamed: the name proves nothing.
      const renamed = at(`${name}.pdf`);
      await writeFile(renamed, bytes);
      expect(await analyzeFile(renamed, 'report.pdf'), name).toMatchObject({
        type: { id: type },
        findings: expect.arrayContaining([{ code: 'CONTAINER_NOT_INSPECTABLE', params: { format } }]),
      });
      const zip = at(`${name}.zip`);
      await writeFile(zip, await zipOf([{ name: `delivery/${name}`, data: bytes }]));
      const analysis = await analyzeFile(zip, 'delivery.zip');
      const decision = decideVerdict(analysis, { status: 'clean' }, 'ClamAV', '0'.repeat(64), DEFAULT_SANITIZE_POLICY);
      expect(decision.verdict, name).toBe('blocked');
      expect(decision.findings, name).toEqual(
        expect.arrayContaining([
          { code: 'CONTAINER_NOT_INSPECTABLE', params: { format }, entry: `delivery/${name}` },
          { code: 'TYPE_NOT_ALLOWED', params: { type }, entry: `delivery/${name}` },
        ]),
      );
    }
  }, 60_000);

  it('walks GNU tar archives with long names in GNU and pax form, gzipped too', async () => {
    const deep = path.join(lure, 'very-long-folder-name/'.repeat(8));
    await mkdir(deep, { recursive: true });
    await writeFile(path.join(deep, 'update.exe'), portableExecutable());
    const longName = `lure/${'very-long-folder-name/'.repeat(8)}update.exe`;
    for (const format of ['gnu', 'pax']) {
      await exec('tar', ['-C', dir, `--format=${format}`, '-cf', at(`lure-${format}.tar`), 'lure']);
      await exec('tar', ['-C', dir, `--format=${format}`, '-czf', at(`lure-${format}.tgz`), 'lure']);
      const tar = await analyzeFile(at(`lure-${format}.tar`), `lure-${format}.tar`);
      expect(tar.findings, format).toEqual(
        expect.arrayContaining([
          { code: 'EXECUTABLE', params: { format: 'PE' }, entry: longName },
          { code: 'SCRIPT', params: { language: 'hta' }, entry: 'lure/invoice.hta' },
          { code: 'SCRIPT', params: { language: 'jscript' }, entry: 'lure/readme.js' },
          { code: 'SHORTCUT', entry: 'lure/invoice.pdf.lnk' },
        ]),
      );
      expect(
        tar.findings.filter((finding) => finding.code === 'ARCHIVE_CORRUPT'),
        format,
      ).toEqual([]);
      const tgz = await analyzeFile(at(`lure-${format}.tgz`), `lure-${format}.tgz`);
      expect(tgz.findings, format).toContainEqual({
        code: 'EXECUTABLE',
        params: { format: 'PE' },
        entry: `lure-${format}.tar/${longName}`,
      });
    }
  }, 60_000);
});
