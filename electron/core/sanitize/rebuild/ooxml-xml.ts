/**
 * The XML side of rebuilding an Office package: parse a part (no DTDs, no external entities:
 * xmldom never fetches anything), take out the elements that carry active or external
 * content — OLE and ActiveX objects, altChunk, attached templates, links to other workbooks,
 * DDE and include fields, PowerPoint actions that run programs, Auto_Open names — and write
 * it back. What is kept is kept exactly; elements are removed whole, so the document stays
 * valid against its schema (a hyperlink keeps its text, a field keeps its last result).
 */
import { DOMParser, XMLSerializer, onErrorStopParsing, type Document, type Element, type Node } from '@xmldom/xmldom';
import { CannotRebuild, type RemovedKind, type RemovedObject } from './rebuild-types';

const RELATIONSHIP_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
]);
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * Elements that exist only to point at a removed relationship: removed whole (with the kind
 * they are reported as). Any other element keeps its place and loses only the attribute.
 */
const DROPPED_ELEMENTS: Readonly<Record<string, RemovedKind>> = {
  altChunk: 'office-alt-chunk',
  attachedTemplate: 'office-external-relationship',
  OLEObject: 'office-ole-object',
  objectEmbed: 'office-ole-object',
  objectLink: 'office-ole-object',
  oleObject: 'office-ole-object',
  oleObj: 'office-ole-object',
  control: 'office-activex',
  externalReference: 'office-external-link',
  sheet: 'office-macro-sheet',
  dataSource: 'office-external-relationship',
  headerSource: 'office-external-relationship',
};
/** A dropped element takes this ancestor with it when there is one (a slide's OLE frame, not just its inner object). */
const DROPPED_WITH_ANCESTOR: Readonly<Record<string, string>> = { oleObj: 'graphicFrame' };
/** Containers left empty by the removals are removed too (an empty <oleObjects/> is a schema error). */
const EMPTY_CONTAINERS = new Set(['oleObjects', 'controls', 'externalReferences']);

/** Word field instructions that act outside the document. */
const FIELD_RULES: readonly [RegExp, RemovedKind][] = [
  [/^\s*DDE(AUTO)?\b/i, 'office-dde-field'],
  [/^\s*(INCLUDETEXT|INCLUDEPICTURE|IMPORT|LINK)\b/i, 'office-external-field'],
];
/** PowerPoint actions that start a program, a macro or an OLE verb (jumps between slides stay). */
const UNSAFE_ACTION = /^\s*ppaction:\/\/(program|macro|ole)/i;
const AUTO_NAMES = /^(_xlnm\.)?auto_(open|close|activate|deactivate)/i;

export interface XmlEdit {
  readonly removed: RemovedObject[];
  readonly changed: boolean;
}

export function parseXml(text: string): Document {
  try {
    return new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'text/xml');
  } catch {
    throw new CannotRebuild('unreadable');
  }
}

export function serializeXml(document: Document): string {
  return new XMLSerializer().serializeToString(document);
}

/** Whether a part's text could need any edit: most parts of a large workbook are never parsed. */
export function mayNeedEdit(text: string, removedIds: ReadonlySet<string>): boolean {
  for (const id of removedIds) if (text.includes(`"${id}"`) || text.includes(`'${id}'`)) return true;
  if (/instr/i.test(text) && /DDE|INCLUDETEXT|INCLUDEPICTURE|IMPORT|LINK/i.test(text)) return true;
  return /ppaction:\/\/(program|macro|ole)/i.test(text) || /auto_(open|close|activate|deactivate)/i.test(text);
}

function elements(root: Node): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) {
        found.push(child as Element);
        walk(child);
      }
    }
  };
  walk(root);
  return found;
}

function isAttached(node: Node, document: Document): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) if (current === document) return true;
  return false;
}

function ancestorNamed(element: Element, localName: string): Element | null {
  for (let current = element.parentNode; current && current.nodeType === 1; current = current.parentNode)
    if ((current as Element).localName === localName) return current as Element;
  return null;
}

/** Replaces an element by its children (a DDE fldSimple keeps its displayed result). */
function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

function remove(node: Node): void {
  node.parentNode?.removeChild(node);
}

/** Edits one part in place; `removedIds` are the ids of its relationships that were removed. */
export function editPart(document: Document, partName: string, removedIds: ReadonlySet<string>): XmlEdit {
  const removed: RemovedObject[] = [];
  let changed = false;
  const root = document.documentElement;
  if (!root) return { removed, changed };

  for (const element of elements(root)) {
    if (!isAttached(element, document)) continue;
    const local = element.localName ?? '';
    // Attributes naming a removed relationship.
    const attributes = Array.from({ length: element.attributes.length }, (_unused, i) => element.attributes.item(i)).filter(
      (a) => a !== null,
    );
    const dangling = attributes.filter(
      (a) => a.namespaceURI !== null && RELATIONSHIP_NAMESPACES.has(a.namespaceURI) && removedIds.has(a.value),
    );
    if (dangling.length > 0) {
      const kind = DROPPED_ELEMENTS[local];
      if (kind) {
        const ancestor = DROPPED_WITH_ANCESTOR[local] ? ancestorNamed(element, DROPPED_WITH_ANCESTOR[local]) : null;
        remove(ancestor ?? element);
        // The relationship itself is reported by the package; the element only when it names something more.
        changed = true;
        continue;
      }
      for (const attribute of dangling) element.removeAttributeNode(attribute);
      changed = true;
    }
    // PowerPoint actions that run something.
    if (
      (local === 'hlinkClick' || local === 'hlinkHover' || local === 'hlinkMouseOver') &&
      UNSAFE_ACTION.test(element.getAttribute('action') ?? '')
    ) {
      removed.push({ kind: 'office-action', location: partName, detail: (element.getAttribute('action') ?? '').split('?')[0]?.trim() });
      remove(element);
      changed = true;
      continue;
    }
    // Excel names that run a macro when the workbook opens or closes.
    if (local === 'definedName' && AUTO_NAMES.test(element.getAttribute('name') ?? '')) {
      removed.push({ kind: 'office-macro', location: partName, detail: element.getAttribute('name') ?? '' });
      remove(element);
      changed = true;
      continue;
    }
    // Word simple fields.
    if (local === 'fldSimple') {
      const kind = fieldKind(element.getAttributeNS(element.namespaceURI, 'instr') ?? element.getAttribute('w:instr') ?? '');
      if (kind) {
        removed.push({ kind, location: partName, detail: fieldName(element.getAttributeNS(element.namespaceURI, 'instr') ?? '') });
        unwrap(element);
        changed = true;
      }
    }
  }
  const fields = removeComplexFields(document, partName);
  removed.push(...fields);
  if (fields.length > 0) changed = true;
  if (changed) removeEmptyContainers(root);
  return { removed, changed };
}

function fieldKind(instruction: string): RemovedKind | null {
  for (const [pattern, kind] of FIELD_RULES) if (pattern.test(instruction)) return kind;
  return null;
}

function fieldName(instruction: string): string {
  return instruction.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
}

/**
 * Word complex fields: <w:fldChar begin/> <w:instrText>DDEAUTO …</w:instrText> <w:fldChar
 * separate/> result runs <w:fldChar end/>, possibly across paragraphs and nested. For a
 * field that acts outside the document the field characters and the instruction are
 * removed; the result runs stay as plain text.
 */
function removeComplexFields(document: Document, partName: string): RemovedObject[] {
  interface Field {
    readonly marks: Element[];
    instruction: string;
    inResult: boolean;
  }
  const removed: RemovedObject[] = [];
  const stack: Field[] = [];
  const doomed: Element[] = [];
  const root = document.documentElement;
  if (!root) return removed;
  for (const element of elements(root)) {
    const local = element.localName;
    if (local === 'fldChar') {
      const type = element.getAttributeNS(element.namespaceURI, 'fldCharType') ?? '';
      if (type === 'begin') stack.push({ marks: [element], instruction: '', inResult: false });
      else if (type === 'separate') {
        const field = stack.at(-1);
        if (field) {
          field.marks.push(element);
          field.inResult = true;
        }
      } else if (type === 'end') {
        const field = stack.pop();
        if (!field) continue;
        field.marks.push(element);
        const kind = fieldKind(field.instruction);
        if (kind) {
          removed.push({ kind, location: partName, detail: fieldName(field.instruction) });
          doomed.push(...field.marks);
        }
      }
    } else if (local === 'instrText') {
      const field = stack.at(-1);
      if (field && !field.inResult) {
        field.instruction += element.textContent ?? '';
        field.marks.push(element);
      }
    }
  }
  // A field never ended is malformed: nothing proves what it would do.
  for (const field of stack) {
    const kind = fieldKind(field.instruction);
    if (kind) {
      removed.push({ kind, location: partName, detail: fieldName(field.instruction) });
      doomed.push(...field.marks);
    }
  }
  for (const element of doomed) remove(element);
  return removed;
}

function removeEmptyContainers(root: Element): void {
  for (const element of elements(root).reverse()) {
    const local = element.localName ?? '';
    const hasElements = elements(element).length > 0;
    if (EMPTY_CONTAINERS.has(local) && !hasElements) remove(element);
    else if (
      element.namespaceURI === MARKUP_COMPATIBILITY &&
      (local === 'Choice' || local === 'Fallback' || local === 'AlternateContent') &&
      !hasElements
    )
      remove(element);
  }
}
