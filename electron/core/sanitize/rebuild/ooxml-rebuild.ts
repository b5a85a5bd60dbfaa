/**
 * Content disarm for Office Open XML (docx, xlsx, pptx and their macro-enabled and template
 * forms): the package is rewritten holding only parts that are reached from its root through
 * relationships we keep. Removed wherever they are and whatever they are called: VBA projects
 * and XLM macro sheets, OLE objects and packages (found by relationship type, content type,
 * folder or by their bytes), ActiveX, altChunk, links to other workbooks (ddeLink among them),
 * and every external relationship except a hyperlink to http, https or mailto — a web link in
 * a report is common and opens in a browser, while file:, UNC (\\host\share) and other
 * schemes reach the local network or run things. Then the XML that pointed at what was
 * removed is edited (ooxml-xml.ts), [Content_Types].xml is made to match, and a macro-enabled
 * main part becomes its plain type (a .docm is delivered as .docx).
 */
import path from 'node:path';
import { CONTENT_TYPES, packageBytes, readPackage, resolveTarget, sourceOfRels, type Part } from './ooxml-package';
import { editPart, mayNeedEdit, parseXml, serializeXml } from './ooxml-xml';
import { CannotRebuild, type RebuildOptions, type RebuildOutcome, type RemovedKind, type RemovedObject } from './rebuild-types';
import { writeNewFile } from './write-new-file';

const CONTENT_TYPE_KINDS: Readonly<Record<string, RemovedKind>> = {
  'application/vnd.ms-office.vbaproject': 'office-macro',
  'application/vnd.ms-office.vbaprojectsignature': 'office-macro',
  'application/vnd.ms-word.vbadata+xml': 'office-macro',
  'application/vnd.ms-word.keymapcustomizations+xml': 'office-macro',
  'application/vnd.ms-word.attachedtoolbars': 'office-macro',
  'application/vnd.ms-excel.macrosheet+xml': 'office-macro-sheet',
  'application/vnd.ms-excel.intlmacrosheet+xml': 'office-macro-sheet',
  'application/vnd.ms-office.activex+xml': 'office-activex',
  'application/vnd.ms-office.activex': 'office-activex',
  'application/vnd.openxmlformats-officedocument.oleobject': 'office-ole-object',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.externallink+xml': 'office-external-link',
};

const RELATIONSHIP_KINDS: Readonly<Record<string, RemovedKind>> = {
  vbaproject: 'office-macro',
  vbaprojectsignature: 'office-macro',
  wordvbadata: 'office-macro',
  keymapcustomizations: 'office-macro',
  attachedtoolbars: 'office-macro',
  xlmacrosheet: 'office-macro-sheet',
  xlintlmacrosheet: 'office-macro-sheet',
  activexcontrol: 'office-activex',
  activexcontrolbinary: 'office-activex',
  control: 'office-activex',
  oleobject: 'office-ole-object',
  package: 'office-embedded-package',
  afchunk: 'office-alt-chunk',
  attachedtemplate: 'office-external-relationship',
  externallink: 'office-external-link',
  externallinkpath: 'office-external-link',
};

/** Macro-enabled main parts and the plain type (and extension) they are rebuilt as. */
const PLAIN_MAIN_TYPES: Readonly<Record<string, readonly [string, string]>> = {
  'application/vnd.ms-word.document.macroenabled.main+xml': [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    'docx',
  ],
  'application/vnd.ms-word.template.macroenabledtemplate.main+xml': [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
    'dotx',
  ],
  'application/vnd.ms-excel.sheet.macroenabled.main+xml': [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    'xlsx',
  ],
  'application/vnd.ms-excel.template.macroenabled.main+xml': [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
    'xltx',
  ],
  'application/vnd.ms-powerpoint.presentation.macroenabled.main+xml': [
    'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
    'pptx',
  ],
  'application/vnd.ms-powerpoint.slideshow.macroenabled.main+xml': [
    'application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml',
    'ppsx',
  ],
  'application/vnd.ms-powerpoint.template.macroenabled.main+xml': [
    'application/vnd.openxmlformats-officedocument.presentationml.template.main+xml',
    'potx',
  ],
};
/** Binary workbooks and add-ins have no plain form to be rebuilt as. */
const UNSUPPORTED_MAIN_TYPES = new Set([
  'application/vnd.ms-excel.sheet.binary.macroenabled.main',
  'application/vnd.ms-excel.addin.macroenabled.main+xml',
]);

const SAFE_HYPERLINK = /^(https?:\/\/|mailto:)/i;

interface Relationship {
  readonly source: string;
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  /** The part it points to (internal only; null when outside the package). */
  readonly part: string | null;
}

interface ContentTypes {
  readonly document: ReturnType<typeof parseXml>;
  readonly defaults: Map<string, string>;
  readonly overrides: Map<string, string>;
}

function readContentTypes(parts: readonly Part[]): ContentTypes {
  const part = parts.find((p) => p.name === CONTENT_TYPES);
  if (!part) throw new CannotRebuild('unreadable');
  const document = parseXml(textOf(part));
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const element of Array.from(document.getElementsByTagNameNS('*', 'Default')))
    defaults.set((element.getAttribute('Extension') ?? '').toLowerCase(), (element.getAttribute('ContentType') ?? '').toLowerCase());
  for (const element of Array.from(document.getElementsByTagNameNS('*', 'Override')))
    overrides.set(
      (element.getAttribute('PartName') ?? '').replace(/^\//, '').toLowerCase(),
      (element.getAttribute('ContentType') ?? '').toLowerCase(),
    );
  return { document, defaults, overrides };
}

function contentTypeOf(types: ContentTypes, name: string): string {
  return types.overrides.get(name.toLowerCase()) ?? types.defaults.get(path.posix.extname(name).slice(1).toLowerCase()) ?? '';
}

function textOf(part: Part): string {
  // UTF-16 parts exist in the wild but Office writes UTF-8; one we would have to re-encode is not rebuilt.
  if ((part.data[0] === 0xff && part.data[1] === 0xfe) || (part.data[0] === 0xfe && part.data[1] === 0xff))
    throw new CannotRebuild('unsupported');
  return part.data.toString('utf8').replace(/^\uFEFF/, '');
}

function readRelationships(parts: readonly Part[]): Relationship[] {
  const relationships: Relationship[] = [];
  for (const part of parts) {
    const source = sourceOfRels(part.name);
    if (source === null) continue;
    const document = parseXml(textOf(part));
    for (const element of Array.from(document.getElementsByTagNameNS('*', 'Relationship'))) {
      const target = element.getAttribute('Target') ?? '';
      const external = (element.getAttribute('TargetMode') ?? '').toLowerCase() === 'external';
      relationships.push({
        source,
        id: element.getAttribute('Id') ?? '',
        type: (element.getAttribute('Type') ?? '').split('/').pop()?.toLowerCase() ?? '',
        target,
        external,
        part: external ? null : resolveTarget(source === '' ? '' : source, target),
      });
    }
  }
  return relationships;
}

/** What a part is by itself (content type, folder, bytes), or null when nothing marks it. */
function dangerousPart(part: Part, types: ContentTypes): RemovedKind | null {
  const byType = CONTENT_TYPE_KINDS[contentTypeOf(types, part.name)];
  if (byType) return byType === 'office-external-link' && part.data.includes('ddeLink') ? 'office-dde-link' : byType;
  const base = path.posix.basename(part.name).toLowerCase();
  if (base === 'vbaproject.bin' || base === 'vbadata.xml') return 'office-macro';
  if (/(^|\/)macrosheets\//i.test(part.name)) return 'office-macro-sheet';
  if (/(^|\/)activex\//i.test(part.name)) return 'office-activex';
  // An OLE compound file or a zip inside a package is an embedded object, whatever its name says.
  if (part.data.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))) return 'office-ole-object';
  if (part.data.subarray(0, 4).equals(Buffer.from('504b0304', 'hex'))) return 'office-embedded-package';
  if (/(^|\/)embeddings\//i.test(part.name)) return 'office-embedded-package';
  return null;
}

function relationshipKind(rel: Relationship, doomed: ReadonlyMap<string, RemovedKind>): RemovedKind | null {
  if (rel.external) {
    if (rel.type === 'hyperlink') return SAFE_HYPERLINK.test(rel.target.trim()) ? null : 'office-unsafe-hyperlink';
    // A remote template, an OLE link (CVE-2017-0199), a linked image or frame: all reach outside.
    return 'office-external-relationship';
  }
  const byType = RELATIONSHIP_KINDS[rel.type];
  if (byType) return byType;
  if (rel.part !== null && doomed.has(rel.part.toLowerCase())) return doomed.get(rel.part.toLowerCase()) ?? null;
  return null;
}

export async function rebuildOoxml(source: string, destination: string, options: RebuildOptions): Promise<RebuildOutcome> {
  const parts = await readPackage(source, options);
  const types = readContentTypes(parts);
  const relationships = readRelationships(parts);
  const removed: RemovedObject[] = [];
  const byName = new Map(parts.map((p) => [p.name.toLowerCase(), p]));

  // Parts that are dangerous by themselves, then relationships, to a fixed point (a part only
  // an OLE relationship reached is gone, and so is any other relationship to it).
  const doomed = new Map<string, RemovedKind>();
  for (const part of parts) {
    if (part.name === CONTENT_TYPES || sourceOfRels(part.name) !== null) continue;
    const kind = dangerousPart(part, types);
    if (kind) doomed.set(part.name.toLowerCase(), kind);
  }
  const removedRels = new Set<Relationship>();
  for (let changed = true; changed;) {
    changed = false;
    for (const rel of relationships) {
      if (removedRels.has(rel)) continue;
      const kind = relationshipKind(rel, doomed);
      if (!kind) continue;
      removedRels.add(rel);
      changed = true;
      if (rel.external) removed.push({ kind, location: rel.source || '/', detail: rel.type });
      else if (rel.part !== null && !doomed.has(rel.part.toLowerCase()) && byName.has(rel.part.toLowerCase()))
        doomed.set(rel.part.toLowerCase(), kind);
    }
  }

  // Everything kept must be reached from the package root through kept relationships.
  const reached = new Set<string>();
  const queue = [''];
  while (queue.length > 0) {
    const from = queue.shift() ?? '';
    for (const rel of relationships) {
      if (rel.source !== from || removedRels.has(rel) || rel.part === null) continue;
      const key = rel.part.toLowerCase();
      if (reached.has(key) || doomed.has(key) || !byName.has(key)) continue;
      reached.add(key);
      queue.push(byName.get(key)?.name ?? key);
    }
  }
  for (const part of parts) {
    const key = part.name.toLowerCase();
    if (part.name === CONTENT_TYPES || sourceOfRels(part.name) !== null || reached.has(key)) continue;
    removed.push({ kind: doomed.get(key) ?? 'office-unreferenced-part', location: part.name });
    doomed.set(key, doomed.get(key) ?? 'office-unreferenced-part');
  }

  // The main part: a macro-enabled type becomes its plain type.
  const mainRel = relationships.find((rel) => rel.source === '' && rel.type === 'officedocument' && rel.part !== null);
  const mainType = mainRel?.part ? contentTypeOf(types, mainRel.part) : '';
  if (UNSUPPORTED_MAIN_TYPES.has(mainType)) throw new CannotRebuild('unsupported');
  const plain = PLAIN_MAIN_TYPES[mainType];
  if (plain && mainRel?.part) removed.push({ kind: 'office-macro', location: mainRel.part, detail: 'macro-enabled document type' });

  // The kept parts: relationships rewritten, XML edited where it pointed at what was removed.
  const kept: Part[] = [];
  let edited = false;
  for (const part of parts) {
    const key = part.name.toLowerCase();
    if (doomed.has(key)) continue;
    const relsSource = sourceOfRels(part.name);
    if (relsSource !== null) {
      if (relsSource !== '' && (doomed.has(relsSource.toLowerCase()) || !byName.has(relsSource.toLowerCase()))) continue;
      const gone = relationships.filter((rel) => rel.source === relsSource && removedRels.has(rel));
      if (gone.length > 0) {
        part.data = Buffer.from(withoutRelationships(textOf(part), new Set(gone.map((rel) => rel.id))), 'utf8');
        edited = true;
      }
      kept.push(part);
      continue;
    }
    if (part.name !== CONTENT_TYPES && isXml(contentTypeOf(types, part.name), part)) {
      const removedIds = new Set(
        relationships.filter((rel) => rel.source.toLowerCase() === key && removedRels.has(rel)).map((rel) => rel.id),
      );
      const text = textOf(part);
      if (mayNeedEdit(text, removedIds)) {
        const document = parseXml(text);
        const edit = editPart(document, part.name, removedIds);
        removed.push(...edit.removed);
        if (edit.changed) {
          part.data = Buffer.from(serializeXml(document), 'utf8');
          edited = true;
        }
      }
    }
    kept.push(part);
  }
  if (removed.length === 0 && !edited) return { outcome: 'unchanged', removed: [] };

  const contentTypesPart = kept.find((p) => p.name === CONTENT_TYPES);
  if (contentTypesPart)
    contentTypesPart.data = Buffer.from(
      fixContentTypes(types, new Set(kept.map((p) => p.name.toLowerCase())), plain?.[0] ?? null, mainType),
      'utf8',
    );
  await writeNewFile(destination, packageBytes(kept));
  return { outcome: 'sanitized', removed, ...(plain ? { extension: plain[1] } : {}) };
}

function isXml(contentType: string, part: Part): boolean {
  return contentType.endsWith('xml') || part.name.toLowerCase().endsWith('.xml') || part.name.toLowerCase().endsWith('.vml');
}

function withoutRelationships(text: string, ids: ReadonlySet<string>): string {
  const document = parseXml(text);
  for (const element of Array.from(document.getElementsByTagNameNS('*', 'Relationship')))
    if (ids.has(element.getAttribute('Id') ?? '')) element.parentNode?.removeChild(element);
  return serializeXml(document);
}

/** Overrides only for parts that remain, no dangerous default, the main part's plain type. */
function fixContentTypes(types: ContentTypes, keptParts: ReadonlySet<string>, plainMain: string | null, mainType: string): string {
  const { document } = types;
  for (const element of Array.from(document.getElementsByTagNameNS('*', 'Override'))) {
    const name = (element.getAttribute('PartName') ?? '').replace(/^\//, '').toLowerCase();
    const type = (element.getAttribute('ContentType') ?? '').toLowerCase();
    if (!keptParts.has(name) || CONTENT_TYPE_KINDS[type]) element.parentNode?.removeChild(element);
    else if (plainMain && type === mainType) element.setAttribute('ContentType', plainMain);
  }
  for (const element of Array.from(document.getElementsByTagNameNS('*', 'Default'))) {
    if (CONTENT_TYPE_KINDS[(element.getAttribute('ContentType') ?? '').toLowerCase()]) element.parentNode?.removeChild(element);
  }
  return serializeXml(document);
}
