/**
 * The one table of which extensions each true type legitimately has (10-5: a file whose
 * name claims something its content is not is EXTENSION_MISMATCH). Kept in one place so
 * that "jpg and jpeg are the same" or "a DICOM file may have no extension" is decided once.
 */
import type { TrueType } from '../sanitize-types';

/** Plain-text formats are interchangeable names for the same harmless bytes (a CSV saved as .txt, a log as .csv). */
const TEXT_FAMILY = ['txt', 'text', 'log', 'csv', 'tsv', 'tab', 'md', 'ini', 'cfg', 'conf', 'json', 'jsonl', 'ndjson', 'xml', ''];

/** Scripts that Windows, macOS or a Unix shell runs on a double-click or by name, and the language we report. */
export const SCRIPT_EXTENSIONS: Readonly<Record<string, string>> = {
  ps1: 'powershell',
  psm1: 'powershell',
  psd1: 'powershell',
  bat: 'batch',
  cmd: 'batch',
  vbs: 'vbscript',
  vbe: 'vbscript',
  js: 'jscript',
  jse: 'jscript',
  wsf: 'wsf',
  wsh: 'wsf',
  wsc: 'wsf',
  hta: 'hta',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  ksh: 'shell',
  csh: 'shell',
  command: 'shell',
  py: 'python',
  pyw: 'python',
  pl: 'perl',
  rb: 'ruby',
  reg: 'registry',
  applescript: 'applescript',
  scpt: 'applescript',
};

const TYPES: Readonly<Record<string, { mime: string | null; extensions: readonly string[] }>> = {
  dicom: { mime: 'application/dicom', extensions: ['dcm', 'dicom', 'dic', 'dc3', 'ima', ''] },
  png: { mime: 'image/png', extensions: ['png'] },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  tiff: { mime: 'image/tiff', extensions: ['tif', 'tiff'] },
  gif: { mime: 'image/gif', extensions: ['gif'] },
  bmp: { mime: 'image/bmp', extensions: ['bmp', 'dib'] },
  webp: { mime: 'image/webp', extensions: ['webp'] },
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  txt: { mime: 'text/plain', extensions: TEXT_FAMILY },
  csv: { mime: 'text/csv', extensions: TEXT_FAMILY },
  json: { mime: 'application/json', extensions: TEXT_FAMILY },
  xml: { mime: 'application/xml', extensions: [...TEXT_FAMILY, 'xsd', 'config', 'plist', 'kml', 'gpx', 'resx', 'manifest'] },
  html: { mime: 'text/html', extensions: ['html', 'htm', 'xhtml', 'shtml'] },
  svg: { mime: 'image/svg+xml', extensions: ['svg'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  docm: { mime: 'application/vnd.ms-word.document.macroEnabled.12', extensions: ['docm'] },
  dotx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.template', extensions: ['dotx'] },
  dotm: { mime: 'application/vnd.ms-word.template.macroEnabled.12', extensions: ['dotm'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  xlsm: { mime: 'application/vnd.ms-excel.sheet.macroEnabled.12', extensions: ['xlsm'] },
  xltx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.template', extensions: ['xltx'] },
  xltm: { mime: 'application/vnd.ms-excel.template.macroEnabled.12', extensions: ['xltm'] },
  xlsb: { mime: 'application/vnd.ms-excel.sheet.binary.macroEnabled.12', extensions: ['xlsb'] },
  xlam: { mime: 'application/vnd.ms-excel.addin.macroEnabled.12', extensions: ['xlam'] },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
  pptm: { mime: 'application/vnd.ms-powerpoint.presentation.macroEnabled.12', extensions: ['pptm'] },
  ppsx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.slideshow', extensions: ['ppsx'] },
  ppsm: { mime: 'application/vnd.ms-powerpoint.slideshow.macroEnabled.12', extensions: ['ppsm'] },
  potx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.template', extensions: ['potx'] },
  potm: { mime: 'application/vnd.ms-powerpoint.template.macroEnabled.12', extensions: ['potm'] },
  ooxml: { mime: null, extensions: [] },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'] },
  doc: { mime: 'application/msword', extensions: ['doc', 'dot'] },
  xls: { mime: 'application/vnd.ms-excel', extensions: ['xls', 'xlt', 'xla'] },
  ppt: { mime: 'application/vnd.ms-powerpoint', extensions: ['ppt', 'pps', 'pot'] },
  msg: { mime: 'application/vnd.ms-outlook', extensions: ['msg'] },
  msi: { mime: 'application/x-msi', extensions: ['msi', 'msp', 'mst'] },
  'encrypted-office': { mime: null, extensions: ['docx', 'docm', 'xlsx', 'xlsm', 'xlsb', 'pptx', 'pptm', 'doc', 'xls', 'ppt'] },
  ole: { mime: 'application/x-cfb', extensions: [] },
  zip: { mime: 'application/zip', extensions: ['zip'] },
  gz: { mime: 'application/gzip', extensions: ['gz', 'tgz'] },
  tar: { mime: 'application/x-tar', extensions: ['tar'] },
  rtf: { mime: 'application/rtf', extensions: ['rtf', 'doc'] },
  iso: { mime: 'application/x-iso9660-image', extensions: ['iso'] },
  vhd: { mime: 'application/x-vhd', extensions: ['vhd'] },
  vhdx: { mime: 'application/x-vhdx', extensions: ['vhdx', 'avhdx'] },
  img: { mime: 'application/x-raw-disk-image', extensions: ['img', 'ima', 'dsk', 'raw', 'bin'] },
  one: { mime: 'application/onenote', extensions: ['one', 'onetoc2'] },
  cab: { mime: 'application/vnd.ms-cab-compressed', extensions: ['cab'] },
  '7z': { mime: 'application/x-7z-compressed', extensions: ['7z'] },
  rar: { mime: 'application/vnd.rar', extensions: ['rar'] },
  pe: {
    mime: 'application/vnd.microsoft.portable-executable',
    extensions: ['exe', 'dll', 'sys', 'scr', 'cpl', 'ocx', 'efi', 'com', 'mui', 'drv'],
  },
  elf: { mime: 'application/x-elf', extensions: ['', 'so', 'o', 'elf', 'bin', 'axf', 'ko'] },
  macho: { mime: 'application/x-mach-binary', extensions: ['', 'dylib', 'bundle', 'o'] },
  lnk: { mime: 'application/x.ms.shortcut', extensions: ['lnk'] },
  script: { mime: null, extensions: Object.keys(SCRIPT_EXTENSIONS) },
  unknown: { mime: null, extensions: [] },
};

/** Synonyms file-type uses for ids we name differently. */
const ALIASES: Readonly<Record<string, string>> = { jpg: 'jpeg', tif: 'tiff', dcm: 'dicom', exe: 'pe', cfb: 'ole' };

/** The TrueType for an id; ids not in the table (from file-type) get their own extension and mime. */
export function trueType(id: string, fallback?: { mime: string | null; extension: string }): TrueType {
  const canonical = ALIASES[id] ?? id;
  const known = TYPES[canonical];
  if (known) return { id: canonical, mime: known.mime, extensions: known.extensions };
  return { id: canonical, mime: fallback?.mime ?? null, extensions: fallback ? [fallback.extension] : [] };
}

/** The extension of a name, lower case, without the dot; '' for none (a leading dot alone, as in ".profile", is no extension). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/**
 * Whether a name's extension fits the type. DICOM files are routinely named by their
 * SOP Instance UID ("1.2.840….320"), so a numeric "extension" counts as none for DICOM.
 * An unknown type — or a compound file of no kind we recognise — cannot mismatch anything:
 * what it is not is for the policy to judge.
 */
export function extensionFits(type: TrueType, extension: string): boolean {
  if (type.id === 'unknown' || type.id === 'ole') return true;
  if (type.extensions.includes(extension)) return true;
  return type.id === 'dicom' && /^\d+$/.test(extension);
}
