/**
 * Office Open XML packages (docx, xlsm, pptx…) are zips whose [Content_Types].xml says what
 * they are: the main part's content type is the only reliable tell of a macro-enabled
 * document (a .docm renamed .docx still opens in Word — and runs its macros). Part names
 * then tell the active content: a VBA project, Excel 4.0 macro sheets, ActiveX controls,
 * embedded OLE objects. OpenDocument packages name their type in the "mimetype" part and
 * keep macros under Basic/ and Scripts/.
 */
import type { FindingCode } from '../sanitize-types';

export const CONTENT_TYPES_PART = '[Content_Types].xml';
/** [Content_Types].xml is small; a large one is not read (the package stays a plain zip). */
export const CONTENT_TYPES_MAX_BYTES = 1024 * 1024;

const MAIN_CONTENT_TYPES: readonly [string, string][] = [
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'docx'],
  ['application/vnd.ms-word.document.macroenabled.main+xml', 'docm'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml', 'dotx'],
  ['application/vnd.ms-word.template.macroenabledtemplate.main+xml', 'dotm'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'xlsx'],
  ['application/vnd.ms-excel.sheet.macroenabled.main+xml', 'xlsm'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml', 'xltx'],
  ['application/vnd.ms-excel.template.macroenabled.main+xml', 'xltm'],
  ['application/vnd.ms-excel.sheet.binary.macroenabled.main', 'xlsb'],
  ['application/vnd.ms-excel.addin.macroenabled.main+xml', 'xlam'],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml', 'pptx'],
  ['application/vnd.ms-powerpoint.presentation.macroenabled.main+xml', 'pptm'],
  ['application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml', 'ppsx'],
  ['application/vnd.ms-powerpoint.slideshow.macroenabled.main+xml', 'ppsm'],
  ['application/vnd.openxmlformats-officedocument.presentationml.template.main+xml', 'potx'],
  ['application/vnd.ms-powerpoint.template.macroenabled.main+xml', 'potm'],
];

export interface PackageKind {
  readonly typeId: string;
  /** The main part's content type is a macro-enabled one. */
  readonly macroEnabled: boolean;
  /** A part is declared as a VBA project (whatever it is called). */
  readonly declaresVba: boolean;
}

/** The package type from [Content_Types].xml ('ooxml' when no known main part is declared). */
export function classifyContentTypes(xml: string): PackageKind {
  const types = [...xml.matchAll(/ContentType\s*=\s*(["'])(.*?)\1/gi)].map((match) => (match[2] ?? '').trim().toLowerCase());
  const main = MAIN_CONTENT_TYPES.find(([contentType]) => types.includes(contentType));
  return {
    typeId: main?.[1] ?? 'ooxml',
    macroEnabled: types.some((type) => type.includes('macroenabled') && type.endsWith('.main+xml')) || main?.[1] === 'xlsb',
    declaresVba: types.includes('application/vnd.ms-office.vbaproject'),
  };
}

/** Findings that an OOXML part name alone proves (an embedded object names its part, for the rebuild). */
export function ooxmlPartFindings(partName: string): { code: FindingCode; params?: Record<string, string> }[] {
  const lower = partName.toLowerCase();
  const base = lower.split('/').pop() ?? '';
  const found: { code: FindingCode; params?: Record<string, string> }[] = [];
  if (base === 'vbaproject.bin' || base === 'vbadata.xml' || lower.includes('/macrosheets/')) found.push({ code: 'OFFICE_MACRO' });
  if (lower.includes('/activex/')) found.push({ code: 'OFFICE_ACTIVEX' });
  if (isOleEmbedding(lower)) found.push({ code: 'OFFICE_EMBEDDED_OBJECT', params: { part: partName } });
  return found;
}

/**
 * An embedded OLE object (oleObject1.bin and the like). Embedded *packages* (the workbook
 * behind a chart in a Word file) are Office files themselves and are analyzed as such.
 */
export function isOleEmbedding(lowerPartName: string): boolean {
  return lowerPartName.includes('/embeddings/') && lowerPartName.endsWith('.bin');
}

export function isEmbeddedPackage(partName: string): boolean {
  const lower = partName.toLowerCase();
  return lower.includes('/embeddings/') && !lower.endsWith('.bin');
}

/** OpenDocument: the stored "mimetype" part names the type; macros live under Basic/ or Scripts/. */
export function classifyOpenDocument(mimetype: string): string | null {
  const kinds: Record<string, string> = {
    'application/vnd.oasis.opendocument.text': 'odt',
    'application/vnd.oasis.opendocument.spreadsheet': 'ods',
    'application/vnd.oasis.opendocument.presentation': 'odp',
  };
  return kinds[mimetype.trim()] ?? null;
}

export function openDocumentPartFindings(partName: string): FindingCode[] {
  const lower = partName.toLowerCase();
  if (lower.startsWith('basic/') || lower.startsWith('scripts/')) return ['OFFICE_MACRO'];
  return [];
}
