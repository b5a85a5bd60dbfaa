/**
 * Content disarm for PDF: the document is parsed (pdf-lib) and written again as one revision
 * without what makes a PDF act on its own or reach outside: JavaScript (name tree, /JS
 * anywhere), /OpenAction, /AA, every action other than an internal jump (GoTo) or a viewer
 * command (Named) — Launch, SubmitForm, ImportData, URI, GoToR, GoToE and the rest —,
 * embedded files and file-attachment annotations, XFA forms, RichMedia / Screen / Movie /
 * Sound / 3D annotations. Objects no longer reached from the document are not written (old
 * revisions and orphaned scripts go with them). The result is then checked by the same
 * scanner the analysis uses (analyze/pdf-scan.ts); anything it still finds refuses the
 * rebuild. Encrypted PDFs cannot be rebuilt (their objects cannot be read).
 */
import { readFile } from 'node:fs/promises';
import { EncryptedPDFError, PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, type PDFObject } from 'pdf-lib';
import type { FindingCode } from '../sanitize-types';
import { bufferContent } from '../analyze/content-source';
import { scanPdf } from '../analyze/pdf-scan';
import { CannotRebuild, type RebuildOptions, type RebuildOutcome, type RemovedKind, type RemovedObject } from './rebuild-types';
import { writeNewFile } from './write-new-file';

/** PDFs are parsed in memory: no larger than this. */
export const MAX_PDF_BYTES = 512 * 1024 * 1024;

const KEPT_ACTIONS = new Set(['GoTo', 'Named']);
const ACTION_KINDS: Readonly<Record<string, RemovedKind>> = {
  JavaScript: 'pdf-javascript',
  Launch: 'pdf-launch',
  SubmitForm: 'pdf-submit-form',
  ImportData: 'pdf-import-data',
  URI: 'pdf-uri',
  GoToR: 'pdf-remote-goto',
  GoToE: 'pdf-remote-goto',
  RichMediaExecute: 'pdf-rich-media',
  Rendition: 'pdf-rich-media',
  Movie: 'pdf-rich-media',
  Sound: 'pdf-rich-media',
};
const ANNOTATION_KINDS: Readonly<Record<string, RemovedKind>> = {
  FileAttachment: 'pdf-embedded-file',
  RichMedia: 'pdf-rich-media',
  Screen: 'pdf-rich-media',
  Movie: 'pdf-rich-media',
  Sound: 'pdf-rich-media',
  '3D': 'pdf-rich-media',
};
/** What the scanner's findings on the original mean, for active content pdf-lib never parsed (junk between objects). */
const FINDING_KINDS: Partial<Record<FindingCode, RemovedKind>> = {
  PDF_JAVASCRIPT: 'pdf-javascript',
  PDF_AUTO_ACTION: 'pdf-open-action',
  PDF_LAUNCH: 'pdf-launch',
  PDF_EMBEDDED_FILE: 'pdf-embedded-file',
};

const name = (key: string) => PDFName.of(key);
const nameText = (value: PDFObject | undefined) => (value instanceof PDFName ? value.decodeText() : null);

export interface DisarmedPdf {
  /** The rebuilt bytes; null when nothing needed removing. */
  readonly bytes: Uint8Array | null;
  readonly removed: RemovedObject[];
}

async function scanBytes(bytes: Uint8Array, signal?: AbortSignal): Promise<Set<FindingCode>> {
  return scanPdf(bufferContent('document.pdf', Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), signal);
}

/** Disarms a PDF held in memory (a file, or the document inside a DICOM Encapsulated PDF). */
export async function disarmPdf(bytes: Uint8Array, signal?: AbortSignal): Promise<DisarmedPdf> {
  const before = await scanBytes(bytes, signal);
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: false, updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    throw new CannotRebuild(error instanceof EncryptedPDFError ? 'encrypted' : 'unreadable');
  }
  signal?.throwIfAborted();
  // pdf-lib is lenient: a header followed by junk loads as a document without pages.
  const pages = (() => {
    try {
      return document.getPageCount();
    } catch {
      return 0;
    }
  })();
  if (pages === 0) throw new CannotRebuild('unreadable');
  const removed = disarmDocument(document);
  // An orphaned script already disarmed above is reported once.
  for (const item of removeUnreachable(document))
    if (!removed.some((r) => r.kind === item.kind && r.location === item.location)) removed.push(item);
  if (removed.length === 0 && before.size === 0) return { bytes: null, removed };
  // Findings in bytes pdf-lib did not parse as objects are gone with the rewrite: say so.
  for (const code of before) {
    const kind = FINDING_KINDS[code];
    if (kind && !removed.some((r) => r.kind === kind || (kind === 'pdf-open-action' && r.kind === 'pdf-additional-actions')))
      removed.push({ kind, location: 'unparsed data' });
  }
  const rebuilt = await document.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  const after = await scanBytes(rebuilt, signal);
  if (after.size > 0) throw new CannotRebuild('active-content-remains', removed);
  return { bytes: rebuilt, removed };
}

export async function rebuildPdf(source: string, destination: string, options: RebuildOptions): Promise<RebuildOutcome> {
  const bytes = await readFile(source, { signal: options.signal });
  if (bytes.length > MAX_PDF_BYTES) throw new CannotRebuild('too-large');
  const { bytes: rebuilt, removed } = await disarmPdf(bytes, options.signal);
  if (!rebuilt) return { outcome: 'unchanged', removed: [] };
  await writeNewFile(destination, [Buffer.from(rebuilt.buffer, rebuilt.byteOffset, rebuilt.byteLength)]);
  return { outcome: 'sanitized', removed };
}

/** Removes active entries from every dictionary reachable in the document; returns what went. */
function disarmDocument(document: PDFDocument): RemovedObject[] {
  const { context } = document;
  const removed: RemovedObject[] = [];
  const visited = new Set<PDFObject>();

  const actionKind = (action: PDFObject | undefined): { kind: RemovedKind; type: string } | null => {
    const dict = action instanceof PDFRef ? context.lookup(action) : action;
    if (!(dict instanceof PDFDict)) return null;
    const type = nameText(dict.get(name('S'))) ?? '';
    if (KEPT_ACTIONS.has(type)) return null;
    return { kind: ACTION_KINDS[type] ?? 'pdf-other-action', type: type || 'unknown' };
  };

  const visitDict = (dict: PDFDict, location: string) => {
    if (dict.has(name('OpenAction'))) {
      removed.push({ kind: 'pdf-open-action', location, detail: actionKind(dict.get(name('OpenAction')))?.type ?? 'destination' });
      dict.delete(name('OpenAction'));
    }
    if (dict.has(name('AA'))) {
      removed.push({ kind: 'pdf-additional-actions', location });
      dict.delete(name('AA'));
    }
    if (dict.has(name('A'))) {
      const kind = actionKind(dict.get(name('A')));
      if (kind) {
        removed.push({ kind: kind.kind, location, detail: kind.type });
        dict.delete(name('A'));
      }
    }
    // A kept action may chain to others.
    if (dict.has(name('Next')) && dict.has(name('S'))) {
      removed.push({ kind: 'pdf-other-action', location, detail: 'Next' });
      dict.delete(name('Next'));
    }
    if (dict.has(name('JS'))) {
      removed.push({ kind: 'pdf-javascript', location });
      dict.delete(name('JS'));
    }
    for (const [key, kind] of [
      ['JavaScript', 'pdf-javascript'],
      ['EmbeddedFiles', 'pdf-embedded-file'],
    ] as const) {
      // In the catalog's /Names dictionary (a name tree), and anywhere else such a key sits.
      if (dict.has(name(key))) {
        removed.push({ kind, location, detail: key });
        dict.delete(name(key));
      }
    }
    if (dict.has(name('EF'))) {
      removed.push({ kind: 'pdf-embedded-file', location });
      dict.delete(name('EF'));
    }
    if (dict.has(name('XFA'))) {
      removed.push({ kind: 'pdf-xfa', location });
      dict.delete(name('XFA'));
    }
    dict.delete(name('NeedsRendering'));
    const annots = dict.lookup(name('Annots'));
    if (annots instanceof PDFArray) {
      for (let i = annots.size() - 1; i >= 0; i--) {
        const annotation = context.lookup(annots.get(i));
        const subtype = annotation instanceof PDFDict ? nameText(annotation.get(name('Subtype'))) : null;
        const kind = subtype ? ANNOTATION_KINDS[subtype] : undefined;
        if (kind) {
          removed.push({ kind, location, detail: `${subtype ?? ''} annotation` });
          annots.remove(i);
        }
      }
    }
    for (const [, value] of dict.entries()) visit(value, location);
  };

  const visit = (object: PDFObject | undefined, location: string) => {
    if (!object || object instanceof PDFRef || visited.has(object)) return;
    visited.add(object);
    if (object instanceof PDFDict) visitDict(object, location);
    else if (object instanceof PDFArray) for (const item of object.asArray()) visit(item, location);
    else if ('dict' in object && object.dict instanceof PDFDict) visitDict(object.dict, location);
  };

  for (const [ref, object] of context.enumerateIndirectObjects()) visit(object, `obj ${ref.objectNumber}`);
  const trailer = context.trailerInfo;
  if (trailer.Root && !(trailer.Root instanceof PDFRef)) visit(trailer.Root, 'catalog');
  return removed;
}

/** Objects nothing reaches from the trailer are not written; active ones among them are reported. */
function removeUnreachable(document: PDFDocument): RemovedObject[] {
  const { context } = document;
  const reached = new Set<string>();
  const seen = new Set<PDFObject>();
  const pending: PDFObject[] = [context.trailerInfo.Root, context.trailerInfo.Info].filter((o): o is PDFObject => o !== undefined);
  while (pending.length > 0) {
    const object = pending.pop();
    if (!object || seen.has(object)) continue;
    seen.add(object);
    if (object instanceof PDFRef) {
      if (reached.has(object.tag)) continue;
      reached.add(object.tag);
      const target = context.lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFDict) pending.push(...object.values());
    else if (object instanceof PDFArray) pending.push(...object.asArray());
    else if ('dict' in object && object.dict instanceof PDFDict) pending.push(object.dict);
  }
  const removed: RemovedObject[] = [];
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (reached.has(ref.tag)) continue;
    const dict = object instanceof PDFDict ? object : 'dict' in object && object.dict instanceof PDFDict ? object.dict : null;
    const type = dict ? nameText(dict.get(name('Type'))) : null;
    const action = dict ? nameText(dict.get(name('S'))) : null;
    if (type === 'EmbeddedFile') removed.push({ kind: 'pdf-embedded-file', location: `obj ${ref.objectNumber}`, detail: 'unreferenced' });
    else if (dict?.has(name('JS')) || action === 'JavaScript')
      removed.push({ kind: 'pdf-javascript', location: `obj ${ref.objectNumber}`, detail: 'unreferenced' });
    else if (action && !KEPT_ACTIONS.has(action))
      removed.push({
        kind: ACTION_KINDS[action] ?? 'pdf-other-action',
        location: `obj ${ref.objectNumber}`,
        detail: `${action}, unreferenced`,
      });
    context.delete(ref);
  }
  // The trailer's /Size is one more than the highest object number written (ISO 32000-1 7.5.5).
  context.largestObjectNumber = Math.max(0, ...context.enumerateIndirectObjects().map(([ref]) => ref.objectNumber));
  return removed;
}
