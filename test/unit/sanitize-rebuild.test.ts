/**
 * Content disarm and reconstruction (CDR, issue 15), format by format: each file of the
 * generated corpus is rebuilt, and the test checks what a person receiving it would — which
 * objects the report says were removed, that they are really gone from the rebuilt file, that
 * the document's own content is still there, and that the source was not touched. Whether the
 * rebuilt files still open in LibreOffice, qpdf and poppler is in the integration test, and
 * the rebuild worker thread in integration/sanitize-rebuild-worker.test.ts.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import yauzl from 'yauzl';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../electron/core/sanitize/analyze/analyze-file';
import { disarmCsvText, isFormulaCell } from '../../electron/core/sanitize/rebuild/csv-rebuild';
import { disarmStaged, withExtension } from '../../electron/core/sanitize/rebuild/disarm-staged';
import {
  foldRemoved,
  rebuildFile,
  rebuildKindOf,
  type RebuildOutcome,
  type RemovedObject,
} from '../../electron/core/sanitize/rebuild/rebuild-file';
import { DEFAULT_ARCHIVE_LIMITS } from '../../electron/core/sanitize/sanitize-types';
import { removedObjectText } from '../../electron/shared/sanitize-texts';
import {
  APPENDED,
  OLE_BYTES,
  bmpWithExtras,
  cleanDocx,
  dangerousDocx,
  dangerousPptx,
  dangerousXlsx,
  dicomWithPdf,
  encapsulatedDocument,
  jpegWithExtras,
  pdfWith,
  pngWithExtras,
  SJIS_MEASUREMENT,
  SJIS_PRESSURE,
  testPixels,
  tiffWithXmp,
} from '../support/cdr-corpus';
import { zipOf } from '../support/sanitize-corpus';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fg-cdr-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
/** Writes `bytes` as the source, rebuilds it, and checks the source is unchanged. */
async function rebuild(
  kind: Parameters<typeof rebuildFile>[0],
  bytes: Buffer,
  name = 'source',
): Promise<{ outcome: RebuildOutcome; output: Buffer | null; destination: string }> {
  counter++;
  const source = path.join(dir, `${counter}-${name}`);
  const destination = path.join(dir, `${counter}-rebuilt`);
  await writeFile(source, bytes);
  const outcome = await rebuildFile(kind, source, destination, { limits: DEFAULT_ARCHIVE_LIMITS });
  expect(await readFile(source)).toEqual(bytes);
  const output = await readFile(destination).catch(() => null);
  if (outcome.outcome !== 'sanitized') expect(output).toBeNull();
  return { outcome, output, destination };
}

const kinds = (removed: readonly RemovedObject[]) => [...new Set(removed.map((r) => r.kind))].sort();

async function partsOf(zip: Buffer): Promise<Map<string, string>> {
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const parts = new Map<string, string>();
  for await (const entry of file.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of (await file.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
    parts.set(entry.fileName, Buffer.concat(chunks).toString('latin1'));
  }
  return parts;
}

describe('which files are rebuilt', () => {
  it('maps true types to rebuilders, the delimiter of a CSV from its name', () => {
    expect(rebuildKindOf('docm', 'a.docm')).toBe('ooxml');
    expect(rebuildKindOf('pptx', 'a.pptx')).toBe('ooxml');
    expect(rebuildKindOf('csv', 'data.tsv')).toBe('tsv');
    expect(rebuildKindOf('csv', 'data.csv')).toBe('csv');
    expect(rebuildKindOf('dicom', 'IM0001')).toBe('dicom');
    expect(rebuildKindOf('zip', 'a.zip')).toBeNull();
    expect(rebuildKindOf('gif', 'a.gif')).toBeNull();
  });
});

describe('Office Open XML', () => {
  it('rebuilds a docm without macros, OLE objects (even under a picture name), ActiveX, altChunk, DDE fields, remote template and unsafe links', async () => {
    const { outcome, output } = await rebuild('ooxml', await dangerousDocx(), 'report.docm');
    expect(outcome.outcome).toBe('sanitized');
    if (outcome.outcome !== 'sanitized' || !output) return;
    expect(outcome.extension).toBe('docx');
    expect(kinds(outcome.removed)).toEqual([
      'office-activex',
      'office-alt-chunk',
      'office-dde-field',
      'office-external-relationship',
      'office-macro',
      'office-ole-object',
      'office-unsafe-hyperlink',
    ]);
    const where = (kind: string) =>
      outcome.removed
        .filter((r) => r.kind === kind)
        .map((r) => r.location)
        .sort();
    expect(where('office-macro')).toEqual(['word/document.xml', 'word/vbaData.xml', 'word/vbaProject.bin']);
    expect(where('office-ole-object')).toEqual(['word/media/image9.png']);
    expect(where('office-activex')).toEqual(['word/activeX/activeX1.bin', 'word/activeX/activeX1.xml']);
    expect(where('office-alt-chunk')).toEqual(['word/afchunk.htm']);
    expect(where('office-dde-field')).toHaveLength(2);
    expect(where('office-unsafe-hyperlink')).toHaveLength(2);
    expect(
      outcome.removed
        .filter((r) => r.kind === 'office-external-relationship')
        .map((r) => r.detail)
        .sort(),
    ).toEqual(['attachedtemplate', 'oleobject']);

    const parts = await partsOf(output);
    expect([...parts.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/_rels/document.xml.rels',
      'word/_rels/settings.xml.rels',
      'word/document.xml',
      'word/settings.xml',
    ]);
    const document = parts.get('word/document.xml') ?? '';
    for (const kept of ['Service report 2024', 'simple result', 'complex result', 'PAGE', 'Manual', 'Run', 'Share'])
      expect(document).toContain(kept);
    for (const gone of ['DDE', 'OLEObject', 'altChunk', 'w:control', 'rId3', 'rId4', 'rId5', 'rId7', 'rId8', 'rId9'])
      expect(document).not.toContain(gone);
    expect(document).toContain('r:id="rId6"');
    const relsText = parts.get('word/_rels/document.xml.rels') ?? '';
    expect(relsText).toContain('https://example.com/manual');
    expect(relsText).not.toMatch(/attacker|calc|oleObject|vbaProject|aFChunk|control/);
    expect(parts.get('word/settings.xml')).not.toContain('attachedTemplate');
    expect(parts.get('[Content_Types].xml')).not.toMatch(/macroEnabled|vbaProject|vbaData|activeX/i);
    expect(parts.get('[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
    // The analysis that blocked the original finds nothing in the rebuild.
    expect((await analyzeFile(await writeTemp(output), 'report.docx')).findings).toEqual([]);
  });

  it('leaves a plain docx with a web link alone', async () => {
    const { outcome } = await rebuild('ooxml', await cleanDocx());
    expect(outcome).toEqual({ outcome: 'unchanged', removed: [] });
  });

  it('rebuilds an xlsx without its XLM macro sheet, Auto_Open and DDE link, keeping the data sheet', async () => {
    const { outcome, output } = await rebuild('ooxml', await dangerousXlsx());
    expect(outcome.outcome).toBe('sanitized');
    if (!output) return;
    expect(outcome.removed.map((r) => [r.kind, r.location]).sort()).toEqual([
      ['office-dde-link', 'xl/externalLinks/externalLink1.xml'],
      ['office-macro', 'xl/workbook.xml'],
      ['office-macro-sheet', 'xl/macrosheets/sheet2.xml'],
    ]);
    const parts = await partsOf(output);
    const workbook = parts.get('xl/workbook.xml') ?? '';
    expect(workbook).toContain('name="Data"');
    expect(workbook).toContain('name="Pressure"');
    expect(workbook).not.toMatch(/Macro1"|Auto_Open|externalReference/);
    expect([...parts.keys()].some((name) => /macrosheet|externalLink/i.test(name))).toBe(false);
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain('<v>42</v>');
  });

  it('rebuilds a pptx without the action that runs a program and the link to a local executable, keeping a jump to the next slide', async () => {
    const { outcome, output } = await rebuild('ooxml', await dangerousPptx());
    expect(outcome.outcome).toBe('sanitized');
    if (!output) return;
    expect(outcome.removed.map((r) => [r.kind, r.location, r.detail ?? '']).sort()).toEqual([
      ['office-action', 'ppt/slides/slide1.xml', 'ppaction://program'],
      ['office-unsafe-hyperlink', 'ppt/slides/slide1.xml', 'hyperlink'],
    ]);
    const slide = (await partsOf(output)).get('ppt/slides/slide1.xml') ?? '';
    expect(slide).toContain('Maintenance plan');
    expect(slide).toContain('ppaction://hlinkshowjump');
    expect(slide).not.toContain('ppaction://program');
    expect(slide).not.toContain('rId2');
  });

  it('removes the OLE frame of a slide whole, and the OLE objects of a sheet with their compatibility wrappers', async () => {
    const pptxParts = await partsOf(await dangerousPptx());
    const slideRels = (pptxParts.get('ppt/slides/_rels/slide1.xml.rels') ?? '').replace(
      '</Relationships>',
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="../embeddings/Package1.bin"/></Relationships>',
    );
    const frame =
      '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="5" name="Object 4"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="1" cy="1"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole"><p:oleObj progId="Package" r:id="rId9"><p:embed/></p:oleObj></a:graphicData></a:graphic></p:graphicFrame>';
    const slide = (pptxParts.get('ppt/slides/slide1.xml') ?? '').replace('</p:spTree>', `${frame}</p:spTree>`);
    const items = [...pptxParts].map(([name, data]) => ({
      name,
      data:
        name === 'ppt/slides/slide1.xml' ? slide : name === 'ppt/slides/_rels/slide1.xml.rels' ? slideRels : Buffer.from(data, 'latin1'),
    }));
    const { outcome, output } = await rebuild('ooxml', await zipOf([...items, { name: 'ppt/embeddings/Package1.bin', data: OLE_BYTES }]));
    expect(outcome.removed.filter((r) => r.kind === 'office-ole-object').map((r) => r.location)).toEqual(['ppt/embeddings/Package1.bin']);
    const rebuiltSlide = (await partsOf(output ?? Buffer.alloc(0))).get('ppt/slides/slide1.xml') ?? '';
    expect(rebuiltSlide).not.toMatch(/graphicFrame|oleObj|rId9/);
    expect(rebuiltSlide).toContain('Maintenance plan');

    const xlsxParts = await partsOf(await dangerousXlsx());
    const sheet = (xlsxParts.get('xl/worksheets/sheet1.xml') ?? '')
      .replace(
        '</sheetData>',
        '</sheetData><oleObjects><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x14"><oleObject progId="Package" shapeId="1025" r:id="rId1"/></mc:Choice><mc:Fallback><oleObject progId="Package" shapeId="1025" r:id="rId1"/></mc:Fallback></mc:AlternateContent></oleObjects>',
      )
      .replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
    const sheetRels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="../embeddings/oleObject1.bin"/></Relationships>';
    const xItems = [...xlsxParts].map(([name, data]) => ({
      name,
      data: name === 'xl/worksheets/sheet1.xml' ? sheet : Buffer.from(data, 'latin1'),
    }));
    const x = await rebuild(
      'ooxml',
      await zipOf([
        ...xItems,
        { name: 'xl/worksheets/_rels/sheet1.xml.rels', data: sheetRels },
        { name: 'xl/embeddings/oleObject1.bin', data: OLE_BYTES },
      ]),
    );
    const rebuiltSheet = (await partsOf(x.output ?? Buffer.alloc(0))).get('xl/worksheets/sheet1.xml') ?? '';
    expect(rebuiltSheet).not.toMatch(/oleObject|AlternateContent|mc:Choice|mc:Fallback/);
    expect(rebuiltSheet).toContain('<v>42</v>');
  });

  it('refuses an encrypted or unreadable package instead of guessing', async () => {
    const { outcome } = await rebuild('ooxml', Buffer.from('PK\x03\x04 not really a zip'));
    expect(outcome).toMatchObject({ outcome: 'cannot-rebuild', reason: 'unreadable' });
    const noContentTypes = await zipOf([{ name: 'word/document.xml', data: '<w:document/>' }]);
    expect((await rebuild('ooxml', noContentTypes)).outcome).toMatchObject({ outcome: 'cannot-rebuild' });
  });
});

async function writeTemp(bytes: Buffer): Promise<string> {
  counter++;
  const file = path.join(dir, `${counter}-check`);
  await writeFile(file, bytes);
  return file;
}

describe('PDF', () => {
  const cases: [Parameters<typeof pdfWith>[0][number], string][] = [
    ['open-action-js', 'pdf-open-action'],
    ['names-js', 'pdf-javascript'],
    ['page-aa', 'pdf-additional-actions'],
    ['launch', 'pdf-launch'],
    ['submit-form', 'pdf-submit-form'],
    ['import-data', 'pdf-import-data'],
    ['uri', 'pdf-uri'],
    ['gotor', 'pdf-remote-goto'],
    ['gotoe', 'pdf-remote-goto'],
    ['xfa', 'pdf-xfa'],
    ['embedded-file', 'pdf-embedded-file'],
    ['file-attachment', 'pdf-embedded-file'],
    ['rich-media', 'pdf-rich-media'],
  ];
  it.each(cases)('removes %s (reported as %s) and keeps the page', async (active, kind) => {
    const { outcome, output } = await rebuild('pdf', await pdfWith([active]));
    expect(outcome.outcome).toBe('sanitized');
    expect(kinds(outcome.removed)).toContain(kind);
    if (!output) return;
    const text = output.toString('latin1');
    for (const gone of [
      '/JavaScript',
      '/JS',
      '/OpenAction',
      '/AA',
      '/Launch',
      '/SubmitForm',
      '/ImportData',
      '/URI',
      '/GoToR',
      '/GoToE',
      '/XFA',
      '/EmbeddedFile',
      '/FileAttachment',
      '/RichMedia',
      'attacker',
      'app.alert',
    ])
      expect(text).not.toContain(gone);
    const reopened = await PDFDocument.load(output);
    expect(reopened.getPageCount()).toBe(1);
  });

  it('removes everything at once, and the analysis finds nothing in the rebuild', async () => {
    const { outcome, output } = await rebuild('pdf', await pdfWith(cases.map(([active]) => active)));
    expect(kinds(outcome.removed)).toEqual([...new Set(cases.map(([, kind]) => kind))].sort());
    expect((await analyzeFile(await writeTemp(output ?? Buffer.alloc(0)), 'x.pdf')).findings).toEqual([]);
  });

  it('leaves a PDF with nothing active alone, and refuses one that is not a PDF', async () => {
    expect((await rebuild('pdf', await pdfWith([]))).outcome).toEqual({ outcome: 'unchanged', removed: [] });
    expect((await rebuild('pdf', Buffer.from('%PDF-1.7\n garbage'))).outcome).toMatchObject({
      outcome: 'cannot-rebuild',
      reason: 'unreadable',
    });
  });
});

describe('images', () => {
  it('re-encodes a PNG without its EXIF and the archive appended after IEND, pixel for pixel', async () => {
    const source = await pngWithExtras();
    const { outcome, output } = await rebuild('png', source);
    expect(outcome.outcome).toBe('sanitized');
    expect(outcome.removed.map((r) => [r.kind, r.location])).toEqual([
      ['image-metadata', 'eXIf chunk'],
      ['image-trailing-data', 'after IEND'],
    ]);
    if (!output) return;
    expect(output.includes(APPENDED)).toBe(false);
    expect(output.includes('patient room')).toBe(false);
    const meta = await sharp(output).metadata();
    expect(meta.exif).toBeUndefined();
    expect(await sharp(output).raw().toBuffer()).toEqual(testPixels());
  });

  it('re-encodes a JPEG without EXIF and trailing data, upright, with the same dimensions', async () => {
    const { outcome, output } = await rebuild('jpeg', await jpegWithExtras());
    expect(kinds(outcome.removed)).toEqual(['image-metadata', 'image-trailing-data']);
    expect(outcome.removed.find((r) => r.kind === 'image-trailing-data')?.detail).toBe(`${APPENDED.length} bytes`);
    if (!output) return;
    expect(output.includes('patient room')).toBe(false);
    expect(output.includes(APPENDED)).toBe(false);
    const meta = await sharp(output).metadata();
    expect(meta.exif).toBeUndefined();
    // Orientation 6 (rotate 90°): the 32×24 picture is delivered as 24×32, as a viewer showed it.
    expect([meta.width, meta.height]).toEqual([24, 32]);
  });

  it('re-encodes a TIFF without its XMP, pixel for pixel, and always re-encodes a TIFF', async () => {
    const { outcome, output } = await rebuild('tiff', await tiffWithXmp());
    expect(outcome.removed.map((r) => [r.kind, r.location])).toEqual([['image-metadata', 'XMP']]);
    if (!output) return;
    expect(output.includes('patient room')).toBe(false);
    expect((await sharp(output).metadata()).xmp).toBeUndefined();
    expect(await sharp(output).raw().toBuffer()).toEqual(testPixels());
    const plain = await sharp(testPixels(), { raw: { width: 32, height: 24, channels: 3 } })
      .tiff({ compression: 'lzw' })
      .toBuffer();
    expect((await rebuild('tiff', plain)).outcome).toEqual({ outcome: 'sanitized', removed: [] });
  });

  it('rebuilds a BMP (no codec in sharp) without junk in its row padding and the bytes after it, same pixels', async () => {
    const { bmp, pixels } = bmpWithExtras();
    const { outcome, output } = await rebuild('bmp', bmp);
    expect(outcome.removed.map((r) => [r.kind, r.location])).toEqual([
      ['image-metadata', 'row padding'],
      ['image-trailing-data', 'after the pixels'],
    ]);
    if (!output) return;
    const stride = 16;
    expect(output.length).toBe(54 + stride * 3);
    for (let row = 0; row < 3; row++) {
      expect(output.subarray(54 + row * stride, 54 + row * stride + 15)).toEqual(pixels.subarray(row * 15, row * 15 + 15));
      expect(output.subarray(54 + row * stride + 15, 54 + (row + 1) * stride).every((b) => b === 0)).toBe(true);
    }
  });

  it.each([
    ['16-bit greyscale', 1, 'ushort'],
    ['8-bit with alpha', 4, 'uchar'],
  ] as const)('keeps a %s PNG pixel for pixel', async (_label, channels, depth) => {
    const raw = { width: 8, height: 4, channels };
    const samples = raw.width * raw.height * channels;
    const input =
      depth === 'ushort'
        ? new Uint16Array(Array.from({ length: samples }, (_unused, i) => (i * 2111) & 0xffff))
        : Buffer.from(Array.from({ length: samples }, (_unused, i) => (i * 37) & 0xff));
    const image = sharp(input, { raw });
    const png = await (depth === 'ushort' ? image.toColourspace('grey16') : image).png().toBuffer();
    expect((await sharp(png).metadata()).depth).toBe(depth);
    const source = Buffer.concat([png, APPENDED]);
    const { outcome, output } = await rebuild('png', source);
    expect(outcome.outcome).toBe('sanitized');
    expect((await sharp(output ?? Buffer.alloc(0)).metadata()).depth).toBe(depth);
    expect(
      await sharp(output ?? Buffer.alloc(0))
        .raw({ depth })
        .toBuffer(),
    ).toEqual(await sharp(png).raw({ depth }).toBuffer());
  });

  it('finds the end of a JPEG that ends exactly at its end-of-image marker', async () => {
    const jpeg = await sharp(testPixels(), { raw: { width: 32, height: 24, channels: 3 } })
      .withExif({ IFD0: { ImageDescription: 'x' } })
      .jpeg()
      .toBuffer();
    const { outcome } = await rebuild('jpeg', jpeg);
    expect(outcome.removed.map((r) => r.kind)).toEqual(['image-metadata']);
  });

  it('leaves a PNG with nothing extra alone, refuses a broken one', async () => {
    const plain = await sharp(testPixels(), { raw: { width: 32, height: 24, channels: 3 } })
      .png()
      .toBuffer();
    expect((await rebuild('png', plain)).outcome).toEqual({ outcome: 'unchanged', removed: [] });
    expect((await rebuild('png', plain.subarray(0, 60))).outcome).toMatchObject({ outcome: 'cannot-rebuild' });
  });
});

describe('DICOM', () => {
  it('zeroes the preamble, cuts the zip appended after the data set and disarms the Encapsulated PDF, with even, matching lengths', async () => {
    const appended = await zipOf([{ name: 'run.hta', data: '<script>calc</script>' }]);
    const pdf = await pdfWith(['open-action-js']);
    const source = dicomWithPdf(pdf, appended);
    const { outcome, output } = await rebuild('dicom', source);
    expect(outcome.outcome).toBe('sanitized');
    const dicomOwn = outcome.removed.filter((r) => r.kind.startsWith('dicom-'));
    expect(dicomOwn.map((r) => [r.kind, r.location])).toEqual([
      ['dicom-preamble', 'preamble'],
      ['dicom-trailing-data', 'after the data set'],
    ]);
    expect(outcome.removed.find((r) => r.kind === 'dicom-trailing-data')?.detail).toBe(`${appended.length} bytes`);
    expect(outcome.removed.filter((r) => !r.kind.startsWith('dicom-')).every((r) => r.location.startsWith('(0042,0011) '))).toBe(true);
    expect(kinds(outcome.removed)).toEqual(['dicom-preamble', 'dicom-trailing-data', 'pdf-javascript', 'pdf-open-action']);
    if (!output) return;
    expect(output.subarray(0, 128).every((b) => b === 0)).toBe(true);
    expect(output.includes(appended.subarray(0, 30))).toBe(false);
    const document = encapsulatedDocument(output);
    expect(document.elementLength % 2).toBe(0);
    expect(document.declaredLength).toBeLessThanOrEqual(document.elementLength);
    expect(document.value.toString('latin1')).not.toMatch(/OpenAction|JavaScript/);
    expect((await PDFDocument.load(document.value.subarray(0, document.declaredLength))).getPageCount()).toBe(1);
    // Everything before the document (the patient and study elements) is byte for byte the same.
    const before = source.indexOf(Buffer.from([0x42, 0x00, 0x11, 0x00]));
    expect(output.subarray(128, before)).toEqual(source.subarray(128, before));
    expect((await analyzeFile(await writeTemp(output), 'IM0001.dcm')).findings).toEqual([]);
  });

  it('leaves a DICOM file with a zero preamble and a clean PDF alone', async () => {
    const source = dicomWithPdf(await pdfWith([]));
    source.fill(0, 0, 128);
    expect((await rebuild('dicom', source)).outcome).toEqual({ outcome: 'unchanged', removed: [] });
  });
});

describe('CSV and TSV', () => {
  it('knows formula cells from numbers and text', () => {
    for (const cell of ['=1+1', "=cmd|' /C calc'!A0", '+A1', '-2+3+cmd|x', '@SUM(A1)', '\t=1', '\r=1', ' =1'])
      expect(isFormulaCell(cell), cell).toBe(true);
    for (const cell of ['-12.5', '+3', '1e-3', '-0,5', 'text', '', "'=already inert", 'a=b']) expect(isFormulaCell(cell), cell).toBe(false);
  });

  it('makes formula cells inert in UTF-8, keeping every other byte', async () => {
    const text = `名前,値,メモ\r\n圧力,-12.5,"=cmd|' /C calc'!A0"\r\n温度,=1+1,@SUM(A1)\r\n"a ""quoted"" cell",+3,-2+3+cmd|' /C calc'!A0\r\n`;
    const { outcome, output } = await rebuild('csv', Buffer.from(text, 'utf8'));
    expect(outcome.removed.map((r) => r.location)).toEqual(['R2C3', 'R3C2', 'R3C3', 'R4C3']);
    expect(output?.toString('utf8')).toBe(
      `名前,値,メモ\r\n圧力,-12.5,"'=cmd|' /C calc'!A0"\r\n温度,"'=1+1","'@SUM(A1)"\r\n"a ""quoted"" cell",+3,"'-2+3+cmd|' /C calc'!A0"\r\n`,
    );
    // The analysis that blocks formula cells (CSV_FORMULA) finds none left.
    expect((await analyzeFile(await writeTemp(output ?? Buffer.alloc(0)), 'data.csv')).findings).toEqual([]);
  });

  it('makes formula cells inert in Shift_JIS without touching the multi-byte text', async () => {
    expect(new TextDecoder('shift_jis').decode(Buffer.concat([SJIS_PRESSURE, SJIS_MEASUREMENT]))).toBe('圧力測定');
    const source = Buffer.concat([SJIS_PRESSURE, Buffer.from(','), SJIS_MEASUREMENT, Buffer.from('\n=HYPERLINK("http://x")\t,1\n')]);
    const { outcome, output } = await rebuild('csv', source);
    expect(outcome.removed).toEqual([{ kind: 'csv-formula', location: 'R2C1' }]);
    expect(output).toEqual(
      Buffer.concat([SJIS_PRESSURE, Buffer.from(','), SJIS_MEASUREMENT, Buffer.from('\n"\'=HYPERLINK(""http://x"")\t",1\n')]),
    );
  });

  it('uses the tab as the delimiter of a TSV, and leaves a CSV without formulas alone', async () => {
    const { output } = await rebuild('tsv', Buffer.from('a\t=1+1\tb\n'));
    expect(output?.toString()).toBe('a\t"\'=1+1"\tb\n');
    expect((await rebuild('csv', Buffer.from('a,-1,b\n'))).outcome).toEqual({ outcome: 'unchanged', removed: [] });
  });

  it('for any table: every cell a spreadsheet would run is inert afterwards, no other cell changes, and disarming twice changes nothing more', () => {
    /** A reader's view of a CSV (RFC 4180 with LF/CRLF line ends): rows of unquoted cell texts. */
    const parse = (text: string, delimiter: string): string[][] => {
      const rows: string[][] = [[]];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < text.length; i++) {
        const c = text[i] ?? '';
        if (quoted) {
          if (c === '"' && text[i + 1] === '"') {
            cell += '"';
            i++;
          } else if (c === '"') quoted = false;
          else cell += c;
        } else if (c === '"' && cell === '') quoted = true;
        else if (c === delimiter || c === '\n') {
          rows.at(-1)?.push(cell);
          cell = '';
          if (c === '\n') rows.push([]);
        } else if (c !== '\r') cell += c;
      }
      rows.at(-1)?.push(cell);
      return rows;
    };
    const cellText = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '1', '.', 'a', ' ', '"', ',', '\t', '圧', '\r'), maxLength: 6 });
    const quote = (cell: string) => (/[",\n\r\t]/.test(cell) || cell.startsWith(' ') ? `"${cell.replace(/"/g, '""')}"` : cell);
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (table) => {
        const text = table.map((row) => row.map(quote).join(',')).join('\r\n');
        const once = disarmCsvText(text, ',');
        const before = parse(text, ',');
        const after = parse(once.text, ',');
        expect(after.length).toBe(before.length);
        before.forEach((row, r) =>
          row.forEach((cell, c) => {
            const now = after[r]?.[c];
            if (isFormulaCell(cell)) expect(now).toBe(`'${cell}`);
            else expect(now).toBe(cell);
            expect(isFormulaCell(now ?? '')).toBe(false);
          }),
        );
        expect(disarmCsvText(once.text, ',').text).toBe(once.text);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a UTF-8 byte-order mark out of the first cell, and handles UTF-16', () => {
    expect(disarmCsvText('\u00EF\u00BB\u00BF=1,2', ',').text).toBe('\u00EF\u00BB\u00BF"\'=1",2');
    expect(disarmCsvText('\uFEFF@x,2', ',').text).toBe('\uFEFF"\'@x",2');
  });
});

describe('the removed list', () => {
  it('folds long lists per kind and says how many more, in both languages', () => {
    const many = Array.from({ length: 25 }, (_unused, i) => ({ kind: 'csv-formula' as const, location: `R${i + 1}C1` }));
    const folded = foldRemoved(many, 20);
    expect(folded).toHaveLength(20);
    expect(folded[19]).toEqual({ kind: 'csv-formula', location: 'R20C1', more: 5 });
    expect(removedObjectText(folded[19] ?? many[0]!, 'en')).toBe(
      "Cell a spreadsheet would run as a formula (made inert with a leading ')（R20C1） and 5 more",
    );
    expect(removedObjectText({ kind: 'office-macro', location: 'word/vbaProject.bin' }, 'ja')).toBe('マクロ（VBA）（word/vbaProject.bin）');
  });
});

describe('never touches what it must not', () => {
  it('does not overwrite an existing destination', async () => {
    const source = path.join(dir, 'exists-src.csv');
    const destination = path.join(dir, 'exists-dst.csv');
    await writeFile(source, '=1+1\n');
    await writeFile(destination, 'keep me');
    const outcome = await rebuildFile('csv', source, destination, { limits: DEFAULT_ARCHIVE_LIMITS });
    expect(outcome.outcome).toBe('cannot-rebuild');
    expect(await readFile(destination, 'utf8')).toBe('keep me');
    expect((await stat(source)).size).toBe(5);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      rebuildFile('csv', path.join(dir, 'exists-src.csv'), path.join(dir, 'never'), {
        limits: DEFAULT_ARCHIVE_LIMITS,
        signal: controller.signal,
      }),
    ).rejects.toThrow();
  });
});

describe('what the pipeline calls', () => {
  it('rebuilds a staged docm, judged by the analysis of the rebuild, and names it .docx', async () => {
    const copy = await writeTemp(await dangerousDocx());
    const before = await analyzeFile(copy, 'report.docm');
    expect(before.findings.length).toBeGreaterThan(0);
    const disarm = await disarmStaged(copy, 'report.docm', before, { analyze: analyzeFile });
    expect(disarm.kind).toBe('rebuilt');
    if (disarm.kind !== 'rebuilt') return;
    expect(disarm.copy).toBe(`${copy}.rebuilt`);
    expect(disarm.analysis.type.id).toBe('docx');
    expect(disarm.analysis.findings).toEqual([]);
    expect(withExtension('visits/2024/report.docm', disarm.extension)).toBe('visits/2024/report.docx');
  });

  it('keeps what needs nothing removed or what the policy blocks, and says why a rebuild failed', async () => {
    const clean = await writeTemp(await cleanDocx());
    expect(await disarmStaged(clean, 'a.docx', await analyzeFile(clean, 'a.docx'), { analyze: analyzeFile })).toEqual({ kind: 'kept' });
    const docm = await writeTemp(await dangerousDocx());
    expect(await disarmStaged(docm, 'a.docm', await analyzeFile(docm, 'a.docm'), { analyze: analyzeFile, blockTypes: ['docm'] })).toEqual({
      kind: 'kept',
    });
    const broken = await writeTemp(Buffer.from('%PDF-1.7\n/JavaScript junk'));
    expect(await disarmStaged(broken, 'a.pdf', await analyzeFile(broken, 'a.pdf'), { analyze: analyzeFile })).toEqual({
      kind: 'failed',
      finding: { code: 'REBUILD_FAILED', params: { reason: 'unreadable' } },
    });
  });
});
