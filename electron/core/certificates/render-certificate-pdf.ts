/**
 * Renders a certificate document as an A4 PDF (10-1, 10-5; docs/decisions.md, "Evidence and
 * certificates"): Japanese first with English captions, times in JST, Noto Sans JP embedded,
 * long values wrapped, tables continued on new pages under a repeated header, the QR code
 * (number + evidence SHA-256), the issuer and how to check the certificate without
 * FieldGuard, the signed evidence attached as `evidence.json`, the document's metadata, and
 * finally the empty signature field. The result is saved once and must then only be signed.
 */
import { AFRelationship, PDFDocument, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatDateTime } from '../../shared/format-date';
import type {
  Bilingual,
  CertificateDocument,
  CertificateRow,
  CertificateSection,
  CertificateTable,
  SignatureLine,
} from './certificate-document';
import { embedCertificateFont } from './certificate-font';
import type { SignerIdentity } from './certificate-identity';
import { certificateQrPng } from './certificate-qr';
import { wrapText } from './line-breaking';
import { addSignaturePlaceholder } from './pdf-signature';

export const EVIDENCE_ATTACHMENT_NAME = 'evidence.json';

export interface RenderOptions {
  /** The canonical evidence document, embedded as evidence.json. */
  readonly evidenceJson: string;
  /** What the QR code and the page state as the evidence's SHA-256. */
  readonly evidenceSha256: string;
  /** The QR code's text (signed facts, certificate-qr.ts). */
  readonly qrText: string;
  readonly issuer: SignerIdentity;
  /** The company authority that certified the signer (its root's name), or null when the signer's certificate is self-signed. */
  readonly certifiedBy: string | null;
  /** Where the signature was made (the site), shown by PDF readers with the signature. */
  readonly location?: string;
  readonly fontPath?: string;
}

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN_X = 48;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const TOP = PAGE_HEIGHT - 46;
const CONTINUATION_TOP = TOP - 26;
const BOTTOM = 58;
const FOOTER_Y = 34;
// Large enough to scan from paper: the signed facts need about 117 modules, about 0.35 mm each at this size.
const QR_SIZE = 124;
const LINE_SPACING = 1.45;
const CELL_PADDING = 4;
const LABEL_WIDTH = 148;

const INK = rgb(0.11, 0.12, 0.13);
const MUTED = rgb(0.4, 0.42, 0.45);
const RULE = rgb(0.8, 0.82, 0.85);
const ACCENT = rgb(0.05, 0.29, 0.5);
const HEADER_FILL = rgb(0.93, 0.95, 0.97);

/** One line of text in a cell, with its own size and colour. */
interface Line {
  readonly text: string;
  readonly size: number;
  readonly color: Color;
}

interface Column {
  readonly x: number;
  readonly width: number;
}

const lineHeight = (line: Line): number => line.size * LINE_SPACING;
const blockHeight = (lines: readonly Line[]): number => lines.reduce((sum, line) => sum + lineHeight(line), 0);

class PageLayout {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = TOP;
  private fresh = true;
  private readonly widths = new Map<string, number>();

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
    private readonly document: CertificateDocument,
  ) {
    this.addPage();
  }

  get current(): PDFPage {
    return this.page;
  }

  get cursor(): number {
    return this.y;
  }

  moveTo(y: number): void {
    this.y = y;
    this.fresh = false;
  }

  measure(text: string, size: number): number {
    const key = `${size}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.font.widthOfTextAtSize(text, size);
      this.widths.set(key, width);
    }
    return width;
  }

  lines(text: string, size: number, width: number, color: Color = INK): Line[] {
    return wrapText(text, width, (t) => this.measure(t, size)).map((t) => ({ text: t, size, color }));
  }

  bilingual(text: Bilingual, width: number, sizes: { ja: number; en: number }): Line[] {
    return [...this.lines(text.ja, sizes.ja, width, INK), ...(text.en ? this.lines(text.en, sizes.en, width, MUTED) : [])];
  }

  drawText(text: string, x: number, top: number, size: number, color: Color = INK): void {
    if (text) this.page.drawText(text, { x, y: top - size * 1.08, size, font: this.font, color });
  }

  /** Draws `text` on the baseline of text of `baseSize` whose top is at `top`. */
  drawTextBeside(text: string, x: number, top: number, baseSize: number, size: number, color: Color = INK): void {
    this.drawText(text, x, top - (baseSize - size) * 1.08, size, color);
  }

  drawLines(lines: readonly Line[], x: number, top: number): void {
    let y = top;
    for (const line of lines) {
      this.drawText(line.text, x, y, line.size, line.color);
      y -= lineHeight(line);
    }
  }

  rule(y: number, color: Color = RULE, thickness = 0.5, x = MARGIN_X, width = CONTENT_WIDTH): void {
    this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness, color });
  }

  addPage(): void {
    this.page = this.pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.fresh = true;
    if (this.pages.length === 1) {
      this.y = TOP;
      return;
    }
    // Continuation pages name the certificate, so that a loose page cannot be mistaken for another's.
    this.drawText(`${this.document.title.ja}  ${this.document.title.en}`, MARGIN_X, TOP, 8, MUTED);
    const number = this.document.number;
    this.drawText(number, PAGE_WIDTH - MARGIN_X - this.measure(number, 8), TOP, 8, MUTED);
    this.rule(TOP - 15);
    this.y = CONTINUATION_TOP;
  }

  /** Moves to a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y - height < BOTTOM && !this.fresh) this.addPage();
  }

  advance(height: number): void {
    this.y -= height;
    this.fresh = false;
  }

  /**
   * Draws a row of cells, continuing it on new pages when it does not fit: whole if it fits
   * on a fresh page, else cut between lines. `beforeRow` draws what each page needs above
   * the row (a table's header), `fill` shades the row.
   */
  gridRow(cells: readonly (readonly Line[])[], columns: readonly Column[], options: { fill?: Color; beforeRow?: () => void } = {}): void {
    let remaining = cells.map((cell) => [...cell]);
    const pageRoom = (): number => this.y - BOTTOM - 2 * CELL_PADDING;
    const fullRoom = CONTINUATION_TOP - BOTTOM - 2 * CELL_PADDING - 40;
    while (remaining.some((cell) => cell.length > 0)) {
      const needed = Math.max(...remaining.map(blockHeight));
      if (needed > pageRoom() && needed <= fullRoom && !this.fresh) {
        this.addPage();
        options.beforeRow?.();
        continue;
      }
      const room = pageRoom();
      const now = remaining.map((cell) => {
        const taken: Line[] = [];
        let height = 0;
        for (const line of cell) {
          if (height + lineHeight(line) > room) break;
          taken.push(line);
          height += lineHeight(line);
        }
        return taken;
      });
      if (now.every((cell) => cell.length === 0)) {
        this.addPage();
        options.beforeRow?.();
        continue;
      }
      const height = Math.max(...now.map(blockHeight)) + 2 * CELL_PADDING;
      if (options.fill) {
        this.page.drawRectangle({ x: MARGIN_X, y: this.y - height, width: CONTENT_WIDTH, height, color: options.fill });
      }
      now.forEach((cell, i) => {
        const column = columns[i] as Column;
        this.drawLines(cell, column.x + CELL_PADDING, this.y - CELL_PADDING);
      });
      this.advance(height);
      this.rule(this.y);
      remaining = remaining.map((cell, i) => cell.slice((now[i] as Line[]).length));
      if (remaining.some((cell) => cell.length > 0)) {
        this.addPage();
        options.beforeRow?.();
      }
    }
  }
}

function drawHeader(
  layout: PageLayout,
  document: CertificateDocument,
  options: RenderOptions,
  qr: Awaited<ReturnType<PDFDocument['embedPng']>>,
): void {
  const qrX = PAGE_WIDTH - MARGIN_X - QR_SIZE;
  layout.current.drawImage(qr, { x: qrX, y: TOP - QR_SIZE, width: QR_SIZE, height: QR_SIZE });
  const caption = '検証用 QR  Verification QR';
  layout.drawText(caption, qrX + (QR_SIZE - layout.measure(caption, 6)) / 2, TOP - QR_SIZE - 3, 6, MUTED);

  const left = CONTENT_WIDTH - QR_SIZE - 18;
  layout.drawText('FieldGuard', MARGIN_X, TOP, 8, ACCENT);
  let y = TOP - 20;
  const title = [...layout.lines(document.title.ja, 20, left, INK), ...layout.lines(document.title.en, 11, left, MUTED)];
  layout.drawLines(title, MARGIN_X, y);
  y -= blockHeight(title) + 8;

  const meta: Array<[Bilingual, string]> = [
    [{ ja: '証明書番号', en: 'Certificate No.' }, document.number],
    [{ ja: '発行日時', en: 'Issued' }, `${formatDateTime(document.issuedAt, 'ja')}（ノートPCの時計 laptop clock）`],
    [{ ja: '会社の認証', en: 'Certified by' }, options.certifiedBy ?? '会社の認証なし Not certified by the company'],
  ];
  for (const [label, value] of meta) {
    layout.drawText(label.ja, MARGIN_X, y, 8.5);
    layout.drawTextBeside(label.en, MARGIN_X + layout.measure(label.ja, 8.5) + 5, y, 8.5, 7, MUTED);
    // Wrapped short of the QR code: a long company name must never be drawn over it.
    const lines = layout.lines(value, 10, left - 120);
    lines.forEach((line, i) => layout.drawTextBeside(line.text, MARGIN_X + 120, y - i * 13, 8.5, 10));
    y -= 16 + (lines.length - 1) * 13;
  }
  y = Math.min(y, TOP - QR_SIZE - 14) - 4;
  layout.rule(y, ACCENT, 1.2);
  layout.moveTo(y - 14);
}

/** A heading, on a new page unless it and `keepWith` points of what follows fit on this one. */
function drawHeading(layout: PageLayout, heading: Bilingual, keepWith = 40): void {
  layout.ensure(22 + keepWith);
  const top = layout.cursor;
  layout.current.drawRectangle({ x: MARGIN_X, y: top - 13.5, width: 3, height: 13, color: ACCENT });
  const x = MARGIN_X + 9;
  const jaWidth = layout.measure(heading.ja, 12);
  layout.drawText(heading.ja, x, top, 12);
  if (x + jaWidth + 8 + layout.measure(heading.en, 8.5) <= MARGIN_X + CONTENT_WIDTH) {
    layout.drawTextBeside(heading.en, x + jaWidth + 8, top, 12, 8.5, MUTED);
    layout.advance(22);
  } else {
    layout.drawLines(layout.lines(heading.en, 8.5, CONTENT_WIDTH - 9, MUTED), x, top - 17);
    layout.advance(22 + blockHeight(layout.lines(heading.en, 8.5, CONTENT_WIDTH - 9)));
  }
  layout.rule(layout.cursor + 4);
}

const VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH;
const LABEL_COLUMNS: readonly Column[] = [
  { x: MARGIN_X, width: LABEL_WIDTH },
  { x: MARGIN_X + LABEL_WIDTH, width: VALUE_WIDTH },
];

function drawRows(layout: PageLayout, rows: readonly (CertificateRow & { valueSize?: number })[]): void {
  for (const row of rows) {
    const label = layout.bilingual(row.label, LABEL_WIDTH - 2 * CELL_PADDING, { ja: 8.5, en: 7 });
    const value = layout.lines(row.value, row.valueSize ?? 9.5, VALUE_WIDTH - 2 * CELL_PADDING);
    layout.gridRow([label, value], LABEL_COLUMNS);
  }
}

/** Column widths: the caller's weights, or each column's natural width, scaled to the page. */
function tableColumns(layout: PageLayout, table: CertificateTable): Column[] {
  const count = table.columns.length;
  const natural = table.columns.map((column, i) => {
    if (table.widths?.[i] !== undefined) return table.widths[i];
    const cells = table.rows.map((row) => Math.min(layout.measure(row[i] ?? '', 8.5), 240));
    return Math.max(40, layout.measure(column.ja, 8), layout.measure(column.en, 6.5), ...cells) + 2 * CELL_PADDING;
  });
  const total = natural.reduce((a, b) => a + b, 0);
  const scale = table.widths || total > CONTENT_WIDTH ? CONTENT_WIDTH / total : 1;
  const widths = natural.map((w) => w * scale);
  // Spare room goes to the widest columns, which hold the longest text.
  const spare = CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0);
  const sum = widths.reduce((a, b) => a + b, 0);
  let x = MARGIN_X;
  return Array.from({ length: count }, (_, i) => {
    const width = (widths[i] as number) + (spare * (widths[i] as number)) / sum;
    const column = { x, width };
    x += width;
    return column;
  });
}

function drawTable(layout: PageLayout, table: CertificateTable): void {
  const columns = tableColumns(layout, table);
  const header = table.columns.map((column, i) =>
    layout.bilingual(column, (columns[i] as Column).width - 2 * CELL_PADDING, { ja: 8, en: 6.5 }),
  );
  const drawHeaderRow = () => layout.gridRow(header, columns, { fill: HEADER_FILL });
  // The header and at least one row start together.
  layout.ensure(blockHeight(header[0] ?? []) + 40);
  drawHeaderRow();
  for (const row of table.rows) {
    if (row.length !== table.columns.length) throw new Error('a table row must have one value per column');
    const cells = row.map((value, i) => layout.lines(value, 8.5, (columns[i] as Column).width - 2 * CELL_PADDING));
    layout.gridRow(cells, columns, { beforeRow: drawHeaderRow });
  }
}

function drawNote(layout: PageLayout, note: Bilingual): void {
  const lines = layout
    .bilingual(note, CONTENT_WIDTH - 2 * CELL_PADDING, { ja: 8.5, en: 7.5 })
    .map((line) => ({ ...line, color: line.color === INK ? MUTED : line.color }));
  layout.advance(2);
  layout.gridRow([lines], [{ x: MARGIN_X, width: CONTENT_WIDTH }]);
}

function drawSection(layout: PageLayout, section: CertificateSection): void {
  drawHeading(layout, section.heading);
  if (section.rows?.length) drawRows(layout, section.rows);
  if (section.table) {
    if (section.rows?.length) layout.advance(8);
    drawTable(layout, section.table);
  }
  if (section.note) drawNote(layout, section.note);
  layout.advance(16);
}

async function drawSignatureLines(pdf: PDFDocument, layout: PageLayout, lines: readonly SignatureLine[]): Promise<void> {
  const gap = 18;
  const boxWidth = (CONTENT_WIDTH - gap) / 2;
  const boxHeight = 92;
  drawHeading(layout, { ja: '署名', en: 'Signatures' }, boxHeight + 8);
  for (let i = 0; i < lines.length; i += 2) {
    layout.ensure(boxHeight + 8);
    const top = layout.cursor - 4;
    for (const [j, line] of lines.slice(i, i + 2).entries()) {
      const x = MARGIN_X + j * (boxWidth + gap);
      layout.drawLines(layout.bilingual(line.label, boxWidth, { ja: 9, en: 7 }), x, top);
      const lineY = top - boxHeight + 14;
      if (line.image) {
        const image = await pdf.embedPng(line.image);
        const room = { width: boxWidth - 20, height: boxHeight - 40 };
        const scale = Math.min(room.width / image.width, room.height / image.height, 1);
        layout.current.drawImage(image, { x: x + 10, y: lineY + 2, width: image.width * scale, height: image.height * scale });
      }
      layout.rule(lineY, INK, 0.6, x, boxWidth);
      layout.drawText('署名 Signature', x, lineY - 3, 6.5, MUTED);
    }
    layout.advance(boxHeight + 10);
  }
  layout.advance(10);
}

function drawVerification(layout: PageLayout, options: RenderOptions): void {
  // Kept on one page: it is what a reader checks the rest against.
  drawHeading(layout, { ja: '発行者と検証', en: 'Issuer and verification' }, 250);
  const issuer = options.issuer;
  drawRows(layout, [
    { label: { ja: '発行者', en: 'Issued by' }, value: issuer.company ? `${issuer.name}（${issuer.company}）` : issuer.name },
    { label: { ja: '社員番号', en: 'Employee ID' }, value: issuer.employeeId },
    {
      label: { ja: '会社の認証', en: 'Certified by' },
      value: options.certifiedBy ?? '会社の認証なし（自己署名の証明書） Not certified by the company (self-signed certificate)',
    },
    {
      label: { ja: '証拠データ SHA-256', en: `Evidence SHA-256 (${EVIDENCE_ATTACHMENT_NAME})` },
      value: options.evidenceSha256,
      valueSize: 8,
    },
  ]);
  drawNote(layout, {
    ja:
      'この PDF には発行者の電子署名(PAdES)と、署名された証拠データ(添付ファイル evidence.json)が含まれています。' +
      '正規の文書かどうかは、この用紙に印刷された値ではなく、検証ツールで確かめてください: `fieldguard verify` に会社のルート証明書を指定するか、' +
      '会社のルート証明書を信頼済みにした Adobe Acrobat Reader などで、署名が有効で文書全体を対象とし、署名者の証明書が会社のルート証明書につながることを確認します。' +
      'ルート証明書の指紋(SHA-256)は契約書または会社からの通知に記載されたものと照合してください。' +
      '上の発行日時は発行者のノートPCの時計によるもので、タイムスタンプがある場合はその時刻を検証ツールが表示します。',
    en:
      'This PDF carries the issuer’s digital signature (PAdES) and the signed evidence data (attachment evidence.json). ' +
      'Check whether it is genuine with a verifier, not with values printed on this page: `fieldguard verify` with the company root certificate, ' +
      'or Adobe Acrobat Reader or similar with the company root trusted, showing a valid signature over the whole document whose signer chains to the company root. ' +
      'Compare the root’s SHA-256 fingerprint with the one in your contract or the company’s letter. ' +
      'The issue time above is the issuer’s laptop clock; where a timestamp exists, the verifier shows its time.',
  });
}

function drawFooters(layout: PageLayout, document: CertificateDocument, font: PDFFont): void {
  const count = layout.pages.length;
  layout.pages.forEach((page, i) => {
    page.drawLine({
      start: { x: MARGIN_X, y: FOOTER_Y + 12 },
      end: { x: PAGE_WIDTH - MARGIN_X, y: FOOTER_Y + 12 },
      thickness: 0.5,
      color: RULE,
    });
    page.drawText(`FieldGuard  ${document.number}`, { x: MARGIN_X, y: FOOTER_Y, size: 7.5, font, color: MUTED });
    const pageText = `${i + 1} / ${count} ページ  Page ${i + 1} of ${count}`;
    page.drawText(pageText, { x: PAGE_WIDTH - MARGIN_X - layout.measure(pageText, 7.5), y: FOOTER_Y, size: 7.5, font, color: MUTED });
  });
}

/** The certificate as a PDF with an empty signature field, ready for `signPdf`. */
export async function renderCertificatePdf(document: CertificateDocument, options: RenderOptions): Promise<Buffer> {
  const issuedAt = new Date(document.issuedAt);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const font = await embedCertificateFont(pdf, options.fontPath);
  const qr = await pdf.embedPng(await certificateQrPng(options.qrText));

  const layout = new PageLayout(pdf, font, document);
  drawHeader(layout, document, options, qr);
  for (const section of document.sections) drawSection(layout, section);
  if (document.signatureLines?.length) await drawSignatureLines(pdf, layout, document.signatureLines);
  drawVerification(layout, options);
  drawFooters(layout, document, font);

  await pdf.attach(Buffer.from(options.evidenceJson, 'utf8'), EVIDENCE_ATTACHMENT_NAME, {
    mimeType: 'application/json',
    description: `FieldGuard signed evidence ${document.number} (SHA-256 ${options.evidenceSha256})`,
    creationDate: issuedAt,
    modificationDate: issuedAt,
    afRelationship: AFRelationship.Data,
  });
  pdf.setTitle(`${document.title.ja} ${document.title.en} ${document.number}`, { showInWindowTitleBar: true });
  pdf.setAuthor(options.issuer.company ? `${options.issuer.name} (${options.issuer.company})` : options.issuer.name);
  pdf.setSubject(`${document.title.en} ${document.number}; evidence SHA-256 ${options.evidenceSha256}`);
  pdf.setKeywords(['FieldGuard', document.kind, document.number, `evidence-sha256:${options.evidenceSha256}`]);
  pdf.setCreator('FieldGuard');
  pdf.setProducer('FieldGuard (pdf-lib)');
  pdf.setLanguage('ja-JP');
  pdf.setCreationDate(issuedAt);
  pdf.setModificationDate(issuedAt);

  addSignaturePlaceholder(pdf, layout.pages[0] as PDFPage, {
    reason: `FieldGuard: ${document.title.ja} ${document.title.en} ${document.number}`,
    name: options.issuer.name,
    location: options.location ?? '',
    contactInfo: options.issuer.company,
    signingTime: issuedAt,
  });
  // No object streams: the signature dictionary must stay findable as plain bytes.
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
