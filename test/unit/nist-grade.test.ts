/**
 * The NIST SP 800-88 Rev. 2 grade a certificate may print: Clear for a file overwrite only on a
 * known spinning disk with a file system known to write in place; partial for everything else
 * (unknown included, never Clear); Purge only for the device's own sanitize or a crypto-erase
 * whose preconditions hold; a whole-device overwrite is Clear, on flash too, never Purge.
 */
import { describe, expect, it } from 'vitest';
import type { DeviceFacts, DeviceTransport, Medium, VolumeFacts } from '../../electron/core/erasure/medium';
import {
  gradeCryptoErase,
  gradeDeviceSanitize,
  gradeFileOverwrite,
  NIST_GRADE_LABELS,
  NIST_GRADE_MEANINGS,
  type Bilingual,
  type DeviceSanitizeTechnique,
} from '../../electron/core/erasure/nist-grade';

const hardDisk: DeviceFacts = {
  path: '/dev/sdb',
  vendor: 'ATA',
  model: 'WDC WD10EZEX-08WN4A0',
  serial: 'WD-WCC6Y3KJ1234',
  sizeBytes: 1000204886016,
  transport: 'sata',
  rotational: true,
  removable: false,
  logicalSectorBytes: 512,
  holdsSystem: false,
  backingFile: null,
  source: 'lsblk',
};
const ext4: VolumeFacts = { mountPoint: '/srv/plain', fileSystem: 'ext4', mountOptions: ['rw', 'relatime'], source: '/dev/sdb1' };
const medium = (device: Partial<DeviceFacts> | null, volume: Partial<VolumeFacts> | null = {}, problems: string[] = []): Medium => ({
  device: device === null ? null : { ...hardDisk, ...device },
  volume: volume === null ? null : { ...ext4, ...volume },
  problems,
});
const english = (lines: readonly Bilingual[]) => lines.map((l) => l.en).join('\n');

const IN_PLACE = ['ext2', 'ext3', 'ext4', 'xfs', 'ntfs', 'ntfs3', 'hfs', 'hfsplus', 'vfat', 'msdos', 'fat32', 'exfat'];
const NOT_IN_PLACE = ['btrfs', 'zfs', 'apfs', 'refs', 'f2fs', 'nilfs2', 'bcachefs'];
const UNKNOWN = ['fuseblk', 'tmpfs', 'nfs4', 'cifs', 'overlay', 'squashfs'];

describe('file overwrite', () => {
  it('a known spinning SATA disk with default ext4 is Clear, for the erased files’ locations only', () => {
    const grade = gradeFileOverwrite(medium({}));
    expect(grade.grade).toBe('clear');
    expect(grade.reasons).toHaveLength(1);
    expect(grade.reasons[0]?.en).toMatch(/spinning disk ATA WDC WD10EZEX-08WN4A0 with ext4.*not to the whole medium/);
    expect(grade.reasons[0]?.ja).toMatch(/媒体全体ではない/);
    // Even Clear states what a file overwrite leaves: names in directory blocks and the journal.
    expect(english(grade.residualRisks)).toMatch(/freed directory blocks/);
    expect(english(grade.residualRisks)).toMatch(/Only the chosen files were erased/);
  });

  it.each(IN_PLACE)('%s on a spinning disk is Clear', (fileSystem) => {
    expect(gradeFileOverwrite(medium({}, { fileSystem })).grade).toBe('clear');
  });

  it('ext4 mounted data=journal is partial, with the journal as reason and residual risk', () => {
    const grade = gradeFileOverwrite(medium({}, { mountOptions: ['rw', 'nodelalloc', 'data=journal'] }));
    expect(grade.grade).toBe('partial');
    expect(english(grade.reasons)).toMatch(/mounted with data=journal/);
    expect(english(grade.residualRisks)).toMatch(/content from before the erasure may remain in the journal/);
    expect(grade.residualRisks.map((r) => r.ja).join()).toMatch(/ジャーナル/);
  });

  it.each(NOT_IN_PLACE)('%s (copy-on-write or log-structured) is partial even on a spinning disk', (fileSystem) => {
    const grade = gradeFileOverwrite(medium({}, { fileSystem }));
    expect(grade.grade).toBe('partial');
    expect(english(grade.reasons)).toMatch(/copy-on-write or log-structured/);
    expect(english(grade.residualRisks)).toMatch(/copy-on-write|log-structured/);
  });

  it('names the snapshots each copy-on-write file system keeps', () => {
    expect(english(gradeFileOverwrite(medium({}, { fileSystem: 'apfs' })).residualRisks)).toMatch(/Time Machine local snapshots/);
    expect(english(gradeFileOverwrite(medium({}, { fileSystem: 'ReFS' })).residualRisks)).toMatch(
      /Volume Shadow Copies keep the original content/,
    );
  });

  it.each(UNKNOWN)('%s, not known to write in place, is partial', (fileSystem) => {
    const grade = gradeFileOverwrite(medium({}, { fileSystem }));
    expect(grade.grade).toBe('partial');
    expect(english(grade.reasons)).toContain(`The file system ${fileSystem} is not known to overwrite file data in place.`);
  });

  it('no file system or no volume at all is partial', () => {
    expect(english(gradeFileOverwrite(medium({}, { fileSystem: null })).reasons)).toMatch(
      /file system of the target could not be identified/,
    );
    expect(gradeFileOverwrite(medium({}, null)).grade).toBe('partial');
  });

  const deviceCases: [string, Partial<DeviceFacts> | null, RegExp][] = [
    ['no device', null, /device under the target could not be identified/],
    ['rotation not reported', { rotational: null }, /did not report whether .* spinning disk or flash/],
    ['an SSD', { rotational: false }, /is an SSD or other flash memory/],
    ['NVMe that claims rotation', { transport: 'nvme', rotational: true }, /is an SSD or other flash memory/],
    ['a USB disk reported rotational', { transport: 'usb', rotational: true }, /attached over USB/],
    ['an SD card', { transport: 'sd', rotational: null }, /SD card or eMMC/],
    ['eMMC that claims rotation', { transport: 'mmc', rotational: true }, /SD card or eMMC/],
    [
      'a loop device',
      { transport: 'virtual', rotational: null, backingFile: '/srv/a.img' },
      /virtual device \(backing file \/srv\/a\.img\)/,
    ],
    ['a backing file whatever the transport', { transport: null, rotational: true, backingFile: '/srv/a.img' }, /virtual device/],
  ];
  it.each(deviceCases)('%s is partial, with its own reason', (_name, device, reason) => {
    const grade = gradeFileOverwrite(medium(device));
    expect(grade.grade).toBe('partial');
    expect(english(grade.reasons)).toMatch(reason);
  });

  it('flash carries the Rev. 2 residual risk of host overwrite', () => {
    expect(english(gradeFileOverwrite(medium({ rotational: false })).residualRisks)).toMatch(
      /host overwrite cannot sanitize all previous data/,
    );
  });

  it('an unreadable fact demotes an otherwise Clear medium, and is named', () => {
    const grade = gradeFileOverwrite(medium({}, {}, ['lsblk could not be run (timeout)']));
    expect(grade.grade).toBe('partial');
    expect(english(grade.reasons)).toBe('Could not be read: lsblk could not be run (timeout)');
  });

  it('nothing known at all is partial, never Clear', () => {
    const grade = gradeFileOverwrite({ volume: null, device: null, problems: [] });
    expect(grade.grade).toBe('partial');
    expect(grade.reasons.length).toBeGreaterThanOrEqual(2);
  });

  it('over every combination, Clear exactly when rotational, not flash/USB/virtual, in place, not data=journal, nothing unread', () => {
    const transports: (DeviceTransport | null)[] = ['usb', 'sata', 'sas', 'nvme', 'sd', 'mmc', 'scsi', 'virtual', 'other', null];
    for (const rotational of [true, false, null])
      for (const transport of transports)
        for (const fileSystem of [...IN_PLACE, ...NOT_IN_PLACE, ...UNKNOWN, null])
          for (const journal of [false, true])
            for (const problems of [[], ['x']]) {
              const grade = gradeFileOverwrite(
                medium({ rotational, transport }, { fileSystem, mountOptions: journal ? ['data=journal'] : ['rw'] }, problems),
              ).grade;
              const expected =
                rotational === true &&
                !['usb', 'nvme', 'sd', 'mmc', 'virtual'].includes(transport ?? '') &&
                IN_PLACE.includes(fileSystem ?? '') &&
                !journal &&
                problems.length === 0;
              expect(grade, `${rotational} ${transport} ${fileSystem} ${journal} ${problems.length}`).toBe(expected ? 'clear' : 'partial');
            }
  });

  it('every sentence is in Japanese and English', () => {
    const all = [
      gradeFileOverwrite(medium({})),
      gradeFileOverwrite(medium(null, null, ['x'])),
      gradeFileOverwrite(medium({ transport: 'usb' }, { fileSystem: 'exfat' })),
      gradeFileOverwrite(medium({ rotational: false }, { fileSystem: 'ntfs' })),
    ];
    for (const line of all.flatMap((g) => [...g.reasons, ...g.residualRisks])) {
      expect(line.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(line.en).toMatch(/^[\x20-\x7e’]+$/);
    }
  });
});

describe('labels', () => {
  it('uses Rev. 2’s names: Clear（消去）, Purge（除去）, partial sanitization', () => {
    expect(NIST_GRADE_LABELS.clear).toEqual({ ja: 'Clear（消去）', en: 'Clear' });
    expect(NIST_GRADE_LABELS.purge).toEqual({ ja: 'Purge（除去）', en: 'Purge' });
    expect(NIST_GRADE_LABELS.partial.en).toBe('Partial sanitization');
    expect(NIST_GRADE_MEANINGS.purge.en).toMatch(/infeasible using state-of-the-art laboratory techniques/);
  });
});

describe('cryptographic erase', () => {
  it('is Purge only when its preconditions hold', () => {
    expect(gradeCryptoErase(true).grade).toBe('purge');
    const unconfirmed = gradeCryptoErase(false);
    expect(unconfirmed.grade).toBe('partial');
    expect(english(unconfirmed.residualRisks)).toMatch(
      /copy of the data folder made before the erasure .* still opens with the same password/,
    );
    const unmet = { ja: 'データフォルダが移動プロファイルにある。', en: 'The data folder is in the roaming profile.' };
    expect(gradeCryptoErase(true, [unmet])).toMatchObject({ grade: 'partial', reasons: [expect.anything(), unmet] });
  });
});

describe('device sanitize', () => {
  const ssd: DeviceFacts = { ...hardDisk, path: '/dev/nvme0n1', model: 'Samsung SSD 980 PRO 1TB', transport: 'nvme', rotational: false };
  const done = (technique: DeviceSanitizeTechnique, device: DeviceFacts, more: object = {}) =>
    gradeDeviceSanitize({ technique, completed: true, verified: true, everySectorWritten: true, device, ...more });

  it('the device’s own crypto or block erase, completed and verified, is Purge', () => {
    expect(done('crypto-erase', ssd).grade).toBe('purge');
    expect(done('block-erase', ssd).grade).toBe('purge');
  });

  it('a host overwrite of every sector read back is Clear, on flash too — never Purge', () => {
    expect(done('host-overwrite', hardDisk)).toMatchObject({ grade: 'clear', residualRisks: [] });
    const flash = done('host-overwrite', ssd);
    expect(flash.grade).toBe('clear');
    expect(english(flash.residualRisks)).toMatch(/cannot sanitize all previous data/);
    expect(done('host-overwrite', { ...hardDisk, transport: 'usb' }).residualRisks).not.toHaveLength(0);
  });

  it('the device’s sanitize overwrite or ATA Security Erase is Purge on a spinning disk, Clear on flash or USB', () => {
    expect(done('device-overwrite', hardDisk).grade).toBe('purge');
    expect(done('device-overwrite', ssd).grade).toBe('clear');
    expect(english(done('device-overwrite', ssd).residualRisks)).toMatch(/Purge on flash is the device’s own crypto erase or block erase/);
    expect(done('device-overwrite', hardDisk).residualRisks).toEqual([]);
    expect(done('ata-security-erase', hardDisk).grade).toBe('purge');
    expect(done('ata-security-erase', { ...hardDisk, transport: 'usb' }).grade).toBe('clear');
    expect(done('ata-security-erase', { ...hardDisk, rotational: null }).grade).toBe('clear');
  });

  it('not completed, not verified, or a sector not written is partial, whatever the technique', () => {
    for (const technique of ['crypto-erase', 'block-erase', 'device-overwrite', 'ata-security-erase', 'host-overwrite'] as const) {
      expect(done(technique, hardDisk, { completed: false }).grade).toBe('partial');
      expect(done(technique, hardDisk, { verified: false }).grade).toBe('partial');
    }
    expect(english(done('host-overwrite', hardDisk, { everySectorWritten: false }).reasons)).toMatch(
      /did not write every addressable sector/,
    );
    expect(done('host-overwrite', hardDisk, { everySectorWritten: undefined }).grade).toBe('partial');
  });
});
