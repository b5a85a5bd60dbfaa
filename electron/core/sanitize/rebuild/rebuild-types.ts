/**
 * The vocabulary of content disarm and reconstruction (CDR, issue 15): what a rebuilder
 * removed, where, and how a rebuild ended. A rebuilder never changes its source; it writes a
 * new file that holds only what it understood and kept. Each removed kind has a Japanese and
 * an English text (`removed.<kind>` in the shared sanitize texts) for the screen and the
 * signed report.
 */
import type { ArchiveLimits } from '../sanitize-types';

export const removedKinds = [
  // Office Open XML
  'office-macro', // vbaProject.bin, vbaData.xml, a macro-enabled main part, Auto_Open names
  'office-macro-sheet', // Excel 4.0 (XLM) macro sheets
  'office-activex', // ActiveX controls and their binaries
  'office-ole-object', // embedded OLE objects and OLE packages, wherever they are stored
  'office-embedded-package', // an embedded Office file or other package
  'office-external-relationship', // a relationship to something outside the file (template, OLE link, image link…)
  'office-unsafe-hyperlink', // a hyperlink to file:, UNC, ppaction:// or another non-web target
  'office-action', // a PowerPoint action that runs a program, a macro or an OLE verb
  'office-alt-chunk', // altChunk: HTML, RTF or another document imported as it is
  'office-dde-field', // DDE / DDEAUTO field
  'office-external-field', // INCLUDETEXT / INCLUDEPICTURE / IMPORT / LINK field that fetches content
  'office-dde-link', // Excel ddeLink
  'office-external-link', // Excel link to another workbook
  'office-unreferenced-part', // a part nothing in the package points to (nowhere to show it, a place to hide)
  // PDF
  'pdf-javascript',
  'pdf-open-action',
  'pdf-additional-actions', // /AA: actions on page, field or document events
  'pdf-launch',
  'pdf-submit-form',
  'pdf-import-data',
  'pdf-uri',
  'pdf-remote-goto', // GoToR / GoToE: opens another file
  'pdf-other-action', // any other action type than GoTo and Named
  'pdf-embedded-file',
  'pdf-xfa',
  'pdf-rich-media', // RichMedia, Screen, Movie, Sound, 3D annotations
  // Images
  'image-metadata', // EXIF, XMP, IPTC, ICC profile, text chunks, comments
  'image-trailing-data', // bytes after the end of the image data
  // DICOM
  'dicom-preamble', // the 128-byte preamble zeroed
  'dicom-trailing-data', // bytes after the end of the data set
  // CSV / TSV
  'csv-formula', // a cell that a spreadsheet would run as a formula
] as const;
export type RemovedKind = (typeof removedKinds)[number];

export interface RemovedObject {
  readonly kind: RemovedKind;
  /** Where: a part name, an object number, a member path, a cell ("R3C2"), an element tag. */
  readonly location: string;
  /** A short technical detail (a relationship type, an action type, a byte count); never document content. */
  readonly detail?: string;
  /** This entry stands for itself and `more` others of the same kind (long lists are folded). */
  readonly more?: number;
}

/** The formats a rebuilder exists for. */
export type RebuildKind = 'ooxml' | 'pdf' | 'png' | 'jpeg' | 'tiff' | 'bmp' | 'dicom' | 'csv' | 'tsv';

export type RebuildOutcome =
  /** Rebuilt and written to the destination; `removed` says what is gone (empty: rebuilt as a precaution). */
  | { readonly outcome: 'sanitized'; readonly removed: readonly RemovedObject[]; readonly extension?: string }
  /** Nothing needed removing: the destination was not written, the source may be delivered as it is. */
  | { readonly outcome: 'unchanged'; readonly removed: readonly [] }
  /** Not rebuilt (unparseable, encrypted, beyond limits, or something remained after the rebuild); nothing written. */
  | { readonly outcome: 'cannot-rebuild'; readonly removed: readonly RemovedObject[]; readonly reason: CannotRebuildReason };

export const cannotRebuildReasons = [
  'unreadable',
  'encrypted',
  'too-large',
  'unsupported',
  'active-content-remains',
  'does-not-render',
] as const;
export type CannotRebuildReason = (typeof cannotRebuildReasons)[number];

export interface RebuildOptions {
  /** The archive limits apply to packages (Office files are zips). */
  readonly limits: ArchiveLimits;
  readonly signal?: AbortSignal;
}

/** Thrown inside a rebuilder to end it as cannot-rebuild. */
export class CannotRebuild extends Error {
  constructor(
    readonly reason: CannotRebuildReason,
    readonly removed: readonly RemovedObject[] = [],
  ) {
    super(`cannot rebuild: ${reason}`);
    this.name = 'CannotRebuild';
  }
}

/** At most `keep` entries per kind; the rest are counted on the last one kept (a report stays readable). */
export function foldRemoved(removed: readonly RemovedObject[], keep = 20): RemovedObject[] {
  const seen = new Map<string, number>();
  const result: RemovedObject[] = [];
  const last = new Map<string, number>();
  for (const item of removed) {
    const count = (seen.get(item.kind) ?? 0) + 1;
    seen.set(item.kind, count);
    if (count <= keep) {
      result.push(item);
      last.set(item.kind, result.length - 1);
    } else {
      const index = last.get(item.kind) ?? 0;
      const kept = result[index];
      if (kept) result[index] = { ...kept, more: (kept.more ?? 0) + 1 + (item.more ?? 0) };
    }
  }
  return result;
}
