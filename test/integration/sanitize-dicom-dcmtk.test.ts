/**
 * The DICOM data set walk against files written by a real DICOM toolkit (DCMTK: pdf2dcm,
 * img2dcm, dump2dcm, dcmconv) in every transfer syntax it writes — explicit and implicit VR,
 * big endian, deflated — with sequences, private elements, encapsulated JPEG pixel data and
 * Encapsulated PDFs: the corpus's hand-built files only show that the walk agrees with
 * itself, these that it agrees with an encoder used in the field. A study's end must be
 * found exactly: appended bytes are reported at the file's original length.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../electron/core/sanitize/analyze/analyze-file';
import { PDFS, zipOf } from '../support/sanitize-corpus';

const exec = promisify(execFile);
const DCMTK = ['pdf2dcm', 'img2dcm', 'dump2dcm', 'dcmconv'].every((tool) => existsSync(`/usr/bin/${tool}`));

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-dcmtk-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = (name: string) => path.join(dir, name);

/** The file in every transfer syntax dcmconv writes. */
async function everySyntax(source: string): Promise<string[]> {
  const files = [source];
  for (const [option, suffix] of [
    ['+ti', 'implicit'],
    ['+tb', 'big'],
    ['+td', 'deflated'],
  ] as const) {
    const target = source.replace(/\.dcm$/, `-${suffix}.dcm`);
    await exec('dcmconv', [option, source, target]);
    files.push(target);
  }
  return files;
}

const SEQUENCES = `(0008,0016) UI =SecondaryCaptureImageStorage
(0008,0018) UI [1.2.392.200036.9116.2.6.1.48.1]
(0008,1115) SQ (Sequence with undefined length)
  (fffe,e000) na (Item with undefined length)
    (0008,1150) UI [1.2.3]
    (0008,1155) UI [1.2.4]
  (fffe,e00d) na (ItemDelimitationItem)
(fffe,e0dd) na (SequenceDelimitationItem)
(0009,0010) LO [ACME 1.0]
(0009,1010) UN 01\\02\\03\\04
(0010,0010) PN [Anon^Patient]
(0028,0010) US 4
(0028,0011) US 4
(7fe0,0010) OW 0000\\0000\\0000\\0000\\0000\\0000\\0000\\0000
`;

describe.skipIf(!DCMTK)('DICOM files written by DCMTK (apt install dcmtk)', () => {
  it('walks sequences and private elements in every transfer syntax to the exact end', async () => {
    await writeFile(at('seq.dump'), SEQUENCES);
    await exec('dump2dcm', ['+te', at('seq.dump'), at('seq.dcm')]);
    for (const file of await everySyntax(at('seq.dcm'))) {
      expect(await analyzeFile(file, path.basename(file)), file).toMatchObject({ type: { id: 'dicom' }, findings: [] });
      const appended = `${file}.appended.dcm`;
      await writeFile(appended, Buffer.concat([await readFile(file), await zipOf([{ name: 'run.js', data: 'WScript.Echo(1);' }])]));
      expect((await analyzeFile(appended, 'IM0001.dcm')).findings, file).toEqual([
        { code: 'DICOM_TRAILING_DATA', params: { offset: (await stat(file)).size } },
      ]);
    }
  });

  it('walks encapsulated JPEG pixel data (fragments in items)', async () => {
    await writeFile(
      at('photo.jpg'),
      await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 80, g: 120, b: 160 } } })
        .jpeg()
        .toBuffer(),
    );
    await exec('img2dcm', [at('photo.jpg'), at('photo.dcm')]);
    expect((await readFile(at('photo.dcm'))).includes(Buffer.from('1.2.840.10008.1.2.4.50'))).toBe(true); // JPEG Baseline: encapsulated
    expect(await analyzeFile(at('photo.dcm'), 'photo.dcm')).toMatchObject({ type: { id: 'dicom' }, findings: [] });
  });

  it('scans the PDF of an Encapsulated PDF in every transfer syntax', async () => {
    await writeFile(at('clean.pdf'), PDFS['clean.pdf']!.bytes());
    await writeFile(at('javascript.pdf'), PDFS['javascript.pdf']!.bytes());
    await exec('pdf2dcm', [at('clean.pdf'), at('clean-pdf.dcm')]);
    await exec('pdf2dcm', [at('javascript.pdf'), at('javascript-pdf.dcm')]);
    for (const file of await everySyntax(at('clean-pdf.dcm')))
      expect(await analyzeFile(file, 'report.dcm'), file).toMatchObject({ findings: [], innerTypes: ['pdf'] });
    for (const file of await everySyntax(at('javascript-pdf.dcm'))) {
      expect(await analyzeFile(file, 'report.dcm'), file).toMatchObject({
        findings: [{ code: 'PDF_JAVASCRIPT', entry: '(0042,0011)' }],
        innerTypes: ['pdf'],
      });
    }
  });
});
