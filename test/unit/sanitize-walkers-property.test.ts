/**
 * The hand-written walkers read untrusted bytes (TAR headers, DICOM data sets, legacy Office
 * records), so their properties are checked over generated inputs, not only the corpus: any
 * damage to a file gives an answer — findings, never an exception, never a hang — and a
 * DICOM study of any shape with something appended is always reported at its exact end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeContent } from '../../electron/core/sanitize/analyze/analyze-content';
import { ArchiveBudget } from '../../electron/core/sanitize/analyze/archive-budget';
import { bufferContent } from '../../electron/core/sanitize/analyze/content-source';
import { excelFindings, powerPointFindings, wordFindings } from '../../electron/core/sanitize/analyze/legacy-office';
import { DEFAULT_ARCHIVE_LIMITS, type ContentAnalysis } from '../../electron/core/sanitize/sanitize-types';
import { dicomElement, dicomOf, tarOf, zipOf } from '../support/sanitize-corpus';

function analyze(name: string, bytes: Buffer): Promise<ContentAnalysis> {
  return analyzeContent(bufferContent(name, bytes), {
    limits: DEFAULT_ARCHIVE_LIMITS,
    budget: new ArchiveBudget(DEFAULT_ARCHIVE_LIMITS),
    level: 0,
  });
}

/** A file with some bytes overwritten: the damage a transfer or an attacker can do. */
const damaged = (file: Buffer) =>
  fc.array(fc.tuple(fc.nat({ max: file.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((edits) => {
    const copy = Buffer.from(file);
    for (const [at, value] of edits) copy[at] = value;
    return copy;
  });

/** DICOM data elements in ascending tag order, of short and long VRs (not an Encapsulated Document: its value is analyzed as a PDF). */
const elements = fc
  .uniqueArray(
    fc
      .tuple(fc.integer({ min: 0x0008, max: 0x7fe0 }), fc.integer({ min: 0x0010, max: 0xfff0 }))
      .filter(([group, element]) => !(group === 0x0042 && element === 0x0011)),
    { minLength: 1, maxLength: 12, selector: ([group, element]) => group * 0x10000 + element },
  )
  .chain((tags) =>
    fc.tuple(
      fc.constant([...tags].sort(([g1, e1], [g2, e2]) => g1 - g2 || e1 - e2)),
      fc.array(fc.tuple(fc.constantFrom('LO', 'UI', 'US', 'OB', 'OW', 'UN', 'UT'), fc.uint8Array({ maxLength: 300 })), {
        minLength: tags.length,
        maxLength: tags.length,
      }),
    ),
  )
  .map(([tags, values]) => tags.map(([group, element], i) => dicomElement(group, element, values[i]![0], Buffer.from(values[i]![1]))));

describe('the walkers over generated inputs', () => {
  it('answer any damaged TAR with findings, never an exception', async () => {
    const tar = tarOf([
      { name: 'logs/a.txt', data: 'service log\n'.repeat(50) },
      { name: 'logs/b.csv', data: 'a,b\n1,2\n' },
      { name: 'link', type: '2', linkname: '/etc' },
    ]);
    await fc.assert(
      fc.asyncProperty(damaged(tar), async (bytes) => {
        const analysis = await analyze('logs.tar', bytes);
        expect(Array.isArray(analysis.findings)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('answer any damaged DICOM with findings, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        elements.chain((list) => damaged(dicomOf(list))),
        async (bytes) => {
          const analysis = await analyze('IM0001.dcm', bytes);
          expect(Array.isArray(analysis.findings)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('report a zip appended to any well-formed DICOM at the exact end of its data set', async () => {
    const zip = await zipOf([{ name: 'run.js', data: 'WScript.Echo(1);' }]);
    await fc.assert(
      fc.asyncProperty(elements, async (list) => {
        const study = dicomOf(list);
        expect((await analyze('IM0001.dcm', study)).findings).toEqual([]);
        expect((await analyze('IM0001.dcm', Buffer.concat([study, zip]))).findings).toEqual([
          { code: 'DICOM_TRAILING_DATA', params: { offset: study.length } },
        ]);
      }),
      { numRuns: 200 },
    );
  });

  it('read any bytes as legacy Office streams without an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const stream = Buffer.from(bytes);
        for (const findings of [excelFindings(stream), wordFindings(stream, stream), powerPointFindings(stream)])
          expect(Array.isArray(findings)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
