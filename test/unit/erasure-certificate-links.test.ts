/**
 * What the data-erasure certificate's page shows of links (issue 14, 10-1), from evidence as
 * a Windows laptop records it: every name below a target is masked folder by folder (a folder
 * may be named after the patient as well as a file), where a link pointed is masked like any
 * other path, and a long list stops with a pointer to the signed evidence instead of running
 * on for pages.
 */
import { describe, expect, it } from 'vitest';
import { erasureCertificateDocument } from '../../electron/core/erasure/erasure-certificate';
import type { ErasureEvidence, EvidenceItem, HardLinkedFile } from '../../electron/core/erasure/erasure-evidence';

const TARGET = 'D:\\MainImage\\鈴木花子';

function item(seq: number, path: string, fields: Partial<EvidenceItem>): EvidenceItem {
  return {
    seq,
    path,
    kind: 'file',
    size: 10,
    sha256Before: null,
    state: 'removed',
    outcome: 'removed',
    passes: 0,
    bytesWritten: 0,
    bytesVerified: 0,
    readBack: null,
    exceptionCode: null,
    observations: [],
    startedAt: null,
    finishedAt: null,
    fileId: `1:${seq}`,
    names: [path],
    sameFileAs: null,
    linkCount: null,
    linkTarget: null,
    badSectors: null,
    ...fields,
  };
}

function evidence(items: EvidenceItem[], hardLinks: HardLinkedFile[] = []): ErasureEvidence {
  return {
    schema: 'fieldguard/erasure-evidence/2',
    jobId: 'j',
    status: 'erased',
    scope: 'files',
    abandonReason: null,
    siteReference: null,
    tool: { name: 'FieldGuard', version: 'test' },
    method: {
      id: 'random-verify',
      category: 'partial',
      sanitization: 'partial',
      technique: 'overwrite',
      passes: 1,
      pattern: 'p',
      prng: null,
      verification: 'v',
    },
    startedAt: '2026-12-01T00:00:00.000Z',
    finishedAt: '2026-12-01T00:01:00.000Z',
    durationSeconds: 60,
    runs: [],
    runCount: 1,
    targets: [{ path: TARGET, files: 1, folders: 1, links: items.length, bytes: 10, filesErased: 1, bytesErased: 10, exceptions: 0 }],
    items,
    hardLinks,
    exceptions: [],
    freeSpace: null,
    totals: {
      files: 1,
      filesErased: 1,
      bytesErased: 10,
      bytesWritten: 4096,
      bytesVerified: 4096,
      entriesRemoved: items.length,
      exceptions: 0,
      notErased: 0,
    },
    media: [],
    residualRisks: [],
    notes: [],
  };
}

function page(e: ErasureEvidence) {
  const site = { hospital: '東都病院', department: '', administrator: '', reference: '' };
  return erasureCertificateDocument(
    { files: e, vault: [], toolVersion: 'test' },
    site,
    { name: '山田 太郎', company: '東都', employeeId: 'E-1', title: '' },
    'laptop',
    'N-1',
    new Date('2026-12-01T00:00:00Z'),
    null,
  );
}

describe('links on the certificate page', () => {
  it('masks every folder and name below the target, and where each link pointed, on Windows paths', () => {
    const links = [
      item(1, `${TARGET}\\鈴木花子_2024\\検査.lnk`, { kind: 'link', linkTarget: 'C:\\Users\\tech\\鈴木花子_report.pdf' }),
      item(2, `${TARGET}\\relative`, { kind: 'link', linkTarget: '..\\鈴木花子_外\\a.txt' }),
      item(3, `${TARGET}\\to-inside`, { kind: 'link', linkTarget: `${TARGET}\\鈴木花子_2024\\b.dcm` }),
      item(4, `${TARGET}\\unknown`, { kind: 'link', linkTarget: null }),
    ];
    const document = page(evidence(links));
    const rows = document.sections.find((s) => s.heading.ja === 'シンボリックリンク')?.table?.rows ?? [];
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['D:\\M＊＊＊＊＊＊＊＊\\鈴＊＊＊\\鈴＊＊＊＊＊＊＊＊\\検＊＊.lnk', 'C:\\Users\\t＊＊＊\\鈴＊＊＊＊＊＊＊＊.pdf'],
      ['D:\\M＊＊＊＊＊＊＊＊\\鈴＊＊＊\\r＊＊＊＊＊＊＊', '..\\鈴＊＊＊＊＊\\a＊＊.txt'],
      ['D:\\M＊＊＊＊＊＊＊＊\\鈴＊＊＊\\t＊＊＊＊＊＊＊＊', 'D:\\M＊＊＊＊＊＊＊＊\\鈴＊＊＊\\鈴＊＊＊＊＊＊＊＊\\b＊＊.dcm'],
      ['D:\\M＊＊＊＊＊＊＊＊\\鈴＊＊＊\\u＊＊＊＊＊＊', '記録なし / not recorded'],
    ]);
    expect(JSON.stringify(document.sections)).not.toContain('花子');
  });

  it('stops a long list after 100 rows and says how many more the signed evidence holds', () => {
    const links = Array.from({ length: 130 }, (_, i) => item(i + 1, `${TARGET}\\l${i}`, { kind: 'link', linkTarget: `t${i}` }));
    const rows = page(evidence(links)).sections.find((s) => s.heading.ja === 'シンボリックリンク')?.table?.rows ?? [];
    expect(rows).toHaveLength(101);
    expect(rows.at(-1)?.[0]).toBe('他 30 件（evidence.json に記載）/ 30 more in evidence.json');
  });

  it('shows a hard-linked file’s names together and an unknown link count as unknown', () => {
    const names = [`${TARGET}\\a.dcm`, `${TARGET}\\鈴木花子\\b.dcm`];
    const file: HardLinkedFile = {
      fileId: '1:9',
      device: '1',
      inode: '9',
      linkCount: null,
      names,
      seqs: [1, 2],
      namesOutsideJob: null,
      size: 10,
      sha256Before: 'a'.repeat(64),
      passes: 1,
      bytesWritten: 4096,
      bytesVerified: 4096,
      readBack: 'cached',
      outcome: 'erased',
      exceptionCode: null,
    };
    const rows = page(evidence([], [file])).sections.find((s) => /ハードリンク/.test(s.heading.ja))?.table?.rows ?? [];
    expect(rows).toEqual([
      [
        'D:\\M＊＊＊＊＊＊＊＊\\鈴＊＊＊\\a＊＊.dcm\nD:\\M＊＊＊＊＊＊＊＊\\鈴＊＊＊\\鈴＊＊＊\\b＊＊.dcm',
        '2 / 不明 unknown',
        '4.00 KiB',
        expect.stringMatching(/^消去済み/),
      ],
    ]);
  });
});
