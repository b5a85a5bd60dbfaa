/**
 * What the certificate says of a whole-medium erasure (issue 14), read as a site and an auditor
 * would read it: the device by manufacturer, model, serial, capacity, interface and media type;
 * Clear for a verified overwrite of every sector — on a USB flash stick too, with the flash
 * residual risk, and never Purge for an overwrite; partial and "not erased" for bad sectors, a
 * read-back that differed, or a cancellation; Purge only for a device sanitize whose log said
 * completed. Japanese comes first on every line. One page is rendered to PDF, for looking at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCertificatePdf } from '../../electron/core/certificates/render-certificate-pdf';
import type { CertificateSection } from '../../electron/core/certificates/certificate-document';
import type { DeviceFacts } from '../../electron/core/erasure/medium';
import {
  deviceErasureSections,
  type DeviceEvidence,
  type DeviceEvidenceItem,
} from '../../electron/core/erasure/whole-medium/device-certificate-sections';

const GIB = 1024 ** 3;
const STICK: DeviceFacts = {
  path: '/dev/sdb',
  vendor: 'SanDisk',
  model: 'Cruzer Blade',
  serial: '4C530001230815117224',
  sizeBytes: 16 * GIB,
  transport: 'usb',
  rotational: false,
  removable: true,
  logicalSectorBytes: 512,
  holdsSystem: false,
  backingFile: null,
  source: 'lsblk',
};

function item(overrides: Partial<DeviceEvidenceItem> = {}): DeviceEvidenceItem {
  return {
    seq: 1,
    path: '/dev/sdb',
    kind: 'device',
    size: 16 * GIB,
    sha256Before: null,
    state: 'verified',
    outcome: 'erased',
    passes: 1,
    bytesWritten: 16 * GIB,
    bytesVerified: 16 * GIB,
    readBack: 'direct',
    exceptionCode: null,
    observations: [],
    startedAt: '2026-12-06T01:00:00.000Z',
    finishedAt: '2026-12-06T01:30:00.000Z',
    fileId: 'serial:4C530001230815117224',
    names: ['/dev/sdb'],
    sameFileAs: null,
    linkCount: null,
    linkTarget: null,
    badSectors: 0,
    ...overrides,
  };
}

function evidence(overrides: Partial<DeviceEvidence> = {}, itemOverrides: Partial<DeviceEvidenceItem> = {}): DeviceEvidence {
  return {
    status: 'erased',
    tool: { name: 'FieldGuard', version: '0.14.0' },
    startedAt: '2026-12-06T01:00:00.000Z',
    finishedAt: '2026-12-06T01:30:00.000Z',
    durationSeconds: 1800,
    runCount: 1,
    method: { id: 'random-verify', prng: 'AES-256-CTR keystream, per-job random key, not stored' },
    items: [item(itemOverrides)],
    ...overrides,
  };
}

/** A section's rows as "label: value" lines, and the whole as one text. */
function text(sections: readonly CertificateSection[]): string {
  return sections
    .flatMap((s) => [`${s.heading.ja} ${s.heading.en}`, ...(s.rows ?? []).map((r) => `${r.label.ja} ${r.label.en}: ${r.value}`)])
    .join('\n');
}

function row(sections: readonly CertificateSection[], en: string): string {
  const found = sections.flatMap((s) => s.rows ?? []).find((r) => r.label.en === en);
  if (!found) throw new Error(`no row ${en}`);
  return found.value;
}

describe('the device on the certificate', () => {
  it('names the device as Rev. 2 §4.6 asks: manufacturer, model, serial, capacity, interface, media type, source', () => {
    const sections = deviceErasureSections(evidence(), STICK);
    expect(row(sections, 'Manufacturer')).toBe('SanDisk');
    expect(row(sections, 'Model')).toBe('Cruzer Blade');
    expect(row(sections, 'Serial number')).toBe('4C530001230815117224');
    expect(row(sections, 'Capacity')).toContain('17,179,869,184');
    expect(row(sections, 'Interface')).toBe('USB');
    expect(row(sections, 'Media type')).toMatch(/^フラッシュメモリ.* \/ flash memory/);
    expect(row(sections, 'Source of these facts')).toBe('lsblk');
  });

  it('a device without a serial says the device reported none, rather than leaving it blank', () => {
    expect(row(deviceErasureSections(evidence(), { ...STICK, serial: null }), 'Serial number')).toContain('not reported by the device');
  });
});

describe('the grade and the result', () => {
  it('a verified overwrite of every sector of a USB flash stick is Clear — never Purge — with the flash residual risk', () => {
    const sections = deviceErasureSections(evidence(), STICK);
    expect(row(sections, 'Category')).toBe('Clear（消去） / Clear');
    expect(row(sections, 'Result')).toMatch(/^消去完了.* \/ Erased/);
    expect(row(sections, 'Bad sectors')).toBe('0');
    expect(text(sections)).toMatch(/host overwrite cannot sanitize all previous data/);
    expect(text(sections)).not.toMatch(/Purge/);
  });

  it('a spinning disk overwritten in full is Clear without the flash risk', () => {
    const disk = { ...STICK, transport: 'sata' as const, rotational: true, model: 'ST1000DM010' };
    const sections = deviceErasureSections(evidence(), disk);
    expect(row(sections, 'Category')).toBe('Clear（消去） / Clear');
    expect(text(sections)).not.toMatch(/flash memory, host overwrite/);
  });

  it('bad sectors: not erased, partial sanitization, and their number stated', () => {
    const sections = deviceErasureSections(
      evidence(
        { status: 'erased-with-exceptions' },
        { state: 'exception', exceptionCode: 'IO_ERROR', badSectors: 3, bytesWritten: 16 * GIB - 1536, bytesVerified: 16 * GIB - 1536 },
      ),
      STICK,
    );
    expect(row(sections, 'Result')).toMatch(/^消去されていません.*\/ Not erased \(some sectors could not be written/);
    expect(row(sections, 'Bad sectors')).toMatch(/^3（/);
    expect(row(sections, 'Category')).toMatch(/partial/i);
  });

  it('a read-back that differed: not erased, partial', () => {
    const sections = deviceErasureSections(
      evidence({ status: 'erased-with-exceptions' }, { state: 'exception', exceptionCode: 'VERIFY_MISMATCH', bytesVerified: 4096 }),
      STICK,
    );
    expect(row(sections, 'Result')).toMatch(/read-back did not match/);
    expect(row(sections, 'Category')).toMatch(/partial/i);
  });

  it('cancelled: not erased, partial — even if the numbers of the part done look complete', () => {
    const sections = deviceErasureSections(
      evidence(
        { status: 'aborted' },
        { state: 'pending', bytesWritten: 2 * GIB, bytesVerified: 0, readBack: null, observations: ['partially-overwritten'] },
      ),
      STICK,
    );
    expect(row(sections, 'Result')).toMatch(/job was cancelled/);
    expect(row(sections, 'Category')).toMatch(/partial/i);
  });

  it('Purge only for a device sanitize whose status log said completed; unconfirmed is partial', () => {
    const nvme = { ...STICK, transport: 'nvme' as const, removable: false, model: 'Samsung SSD 980 PRO 1TB' };
    const sanitize = {
      technique: 'sanitize-crypto' as const,
      tool: 'nvme' as const,
      outcome: 'completed' as const,
      detail: null,
      startedAt: '',
      finishedAt: '',
      commands: ['nvme sanitize /dev/nvme0 --sanact=4'],
    };
    const purged = deviceErasureSections(
      evidence({ sanitize }, { passes: 0, bytesWritten: 0, bytesVerified: 0, readBack: null, badSectors: null }),
      nvme,
    );
    expect(row(purged, 'Category')).toBe('Purge（除去） / Purge');
    expect(row(purged, 'Technique')).toMatch(/crypto erase/);
    const unconfirmed = deviceErasureSections(
      evidence(
        { sanitize: { ...sanitize, outcome: 'unconfirmed' } },
        { passes: 0, bytesWritten: 0, bytesVerified: 0, readBack: null, badSectors: null },
      ),
      nvme,
    );
    expect(row(unconfirmed, 'Category')).toMatch(/partial/i);
    expect(row(unconfirmed, 'Result')).toMatch(/Not erased \(completion could not be confirmed\)/);
  });

  it('puts Japanese first on every line with fixed wording', () => {
    for (const section of deviceErasureSections(evidence(), STICK)) {
      expect(section.heading.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
      for (const r of section.rows ?? []) if (r.label.ja) expect(r.label.ja, r.label.en).toMatch(/[ぁ-んァ-ン一-龥]|^NIST/);
    }
  });

  it('renders on a page (written to test-results/ for looking at)', async () => {
    const pdf = await renderCertificatePdf(
      {
        kind: 'erasure',
        number: 'E-TEST-ER-2026-000001',
        issuedAt: '2026-12-06T02:00:00.000Z',
        title: { ja: 'データ消去証明書', en: 'Data Erasure Certificate' },
        sections: deviceErasureSections(
          evidence({ status: 'erased-with-exceptions' }, { state: 'exception', exceptionCode: 'IO_ERROR', badSectors: 3 }),
          STICK,
        ),
      },
      {
        evidenceJson: '{}',
        evidenceSha256: '0'.repeat(64),
        qrText: 'test',
        issuer: {
          name: '山田 太郎',
          company: 'テスト医療機器',
          employeeId: 'E-1',
          fingerprint: '0'.repeat(64),
          serialNumber: '01',
          issuer: 'CN=test',
          notBefore: '2026-01-01T00:00:00Z',
          notAfter: '2027-01-01T00:00:00Z',
        },
        certifiedBy: null,
      },
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const out = path.resolve(import.meta.dirname, '../../test-results');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'whole-medium-certificate.pdf'), pdf);
  });
});
