/**
 * Which of a device's own sanitize commands FieldGuard could use for a whole-medium erasure,
 * and, for each it cannot, why (issue 14). NIST SP 800-88 Rev. 2 grants Purge on flash only
 * to the device's own sanitize (NVMe Sanitize, ATA SANITIZE) or a cryptographic erase whose
 * every key copy is gone; a host overwrite of every addressable sector is Clear. So the screen
 * and the CLI must say plainly when Purge is not on offer: the device does not support it, its
 * security state is frozen or locked, it sits behind a USB bridge that does not pass the
 * commands through, the tool is missing, administrator rights are lacking, or the platform has
 * no path FieldGuard takes (macOS; Windows' IOCTL_STORAGE_REINITIALIZE_MEDIA needs a native
 * helper FieldGuard does not ship yet). The decision is pure: it reads only the facts and the
 * parsed tool outputs it is given.
 */
import type { DeviceFacts } from '../../core/erasure/medium';
import type { HdparmIdentify } from './hdparm-output';
import type { NvmeController } from './nvme-sanitize-output';

export type SanitizeTechnique = 'sanitize-crypto' | 'sanitize-block';

/** Through which command a technique would run. */
export type SanitizeCommand = 'nvme-sanitize' | 'ata-sanitize' | 'windows-reinitialize-media';

export type SanitizeUnavailableReason =
  /** The device does not report the technique (SANICAP, IDENTIFY DEVICE). */
  | 'not-supported'
  /** ATA: the drive is in the security FROZEN state (the BIOS froze it at boot); a sleep/resume cycle may unfreeze it. */
  | 'frozen'
  /** ATA: the drive is security-locked with a password. */
  | 'locked'
  /** Behind a USB (or other) bridge that does not pass NVMe/ATA commands through. */
  | 'bridge'
  /** nvme-cli or hdparm is not installed. */
  | 'tool-missing'
  /** The command needs root / administrator rights this process does not have. */
  | 'no-admin-rights'
  /** The tool ran but its answer could not be read. */
  | 'unreadable'
  /** No sanitize path on this OS that FieldGuard takes (macOS; Windows without the native helper). */
  | 'platform'
  /** A disk that holds the system is never sanitized from inside that system. */
  | 'system-disk';

export interface SanitizeOffer {
  readonly technique: SanitizeTechnique;
  readonly command: SanitizeCommand;
  readonly available: boolean;
  readonly reason: SanitizeUnavailableReason | null;
}

export interface SanitizeCapability {
  /** Every technique considered, available or not, strongest (crypto) first. */
  readonly offers: readonly SanitizeOffer[];
  /** When nothing is available: the one reason to show first; null when something is. */
  readonly reason: SanitizeUnavailableReason | null;
}

/** What a probe of the device's identify data came to: parsed, or why not. */
export type Probe<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: 'tool-missing' | 'no-admin-rights' | 'unreadable' | 'bridge' };

export interface CapabilityInput {
  readonly platform: NodeJS.Platform;
  readonly device: Pick<DeviceFacts, 'transport' | 'holdsSystem'>;
  /** `nvme id-ctrl` for an NVMe device (Linux); undefined when not asked. */
  readonly nvme?: Probe<NvmeController>;
  /** `hdparm -I` for a SATA/ATA device (Linux); undefined when not asked. */
  readonly hdparm?: Probe<HdparmIdentify>;
}

const TECHNIQUES: readonly SanitizeTechnique[] = ['sanitize-crypto', 'sanitize-block'];

function every(
  command: SanitizeCommand,
  reason: SanitizeUnavailableReason | null,
  supports: (t: SanitizeTechnique) => boolean = () => true,
): SanitizeOffer[] {
  return TECHNIQUES.map((technique) => {
    const supported = supports(technique);
    const why = supported ? reason : 'not-supported';
    return { technique, command, available: why === null, reason: why };
  });
}

function nvmeOffers(probe: Probe<NvmeController> | undefined): SanitizeOffer[] {
  if (!probe) return every('nvme-sanitize', 'unreadable');
  if (!probe.ok) return every('nvme-sanitize', probe.reason);
  const { sanitize } = probe.value;
  return every('nvme-sanitize', null, (t) => (t === 'sanitize-crypto' ? sanitize.cryptoErase : sanitize.blockErase));
}

function ataOffers(probe: Probe<HdparmIdentify> | undefined): SanitizeOffer[] {
  if (!probe) return every('ata-sanitize', 'unreadable');
  if (!probe.ok) return every('ata-sanitize', probe.reason);
  const { sanitize, security } = probe.value;
  // The SANITIZE feature set has its own freeze (SANITIZE FREEZE LOCK), which hdparm -I does not
  // show; a drive whose security is frozen by the BIOS usually also refuses it, and a locked
  // drive refuses every write: both are reported rather than tried.
  const blocked: SanitizeUnavailableReason | null = security?.locked ? 'locked' : security?.frozen ? 'frozen' : null;
  return every(
    'ata-sanitize',
    blocked,
    (t) => sanitize.featureSet && (t === 'sanitize-crypto' ? sanitize.cryptoScramble : sanitize.blockErase),
  );
}

/** The device's sanitize techniques and why each is or is not available to FieldGuard here. */
export function sanitizeCapability(input: CapabilityInput): SanitizeCapability {
  const { device, platform } = input;
  let offers: SanitizeOffer[];
  if (device.holdsSystem !== false) {
    // Unknown counts as "might": a verdict only on positive evidence.
    offers = every(device.transport === 'nvme' ? 'nvme-sanitize' : 'ata-sanitize', 'system-disk');
  } else if (platform === 'darwin') {
    offers = every('nvme-sanitize', 'platform');
  } else if (platform === 'win32') {
    // IOCTL_STORAGE_REINITIALIZE_MEDIA offloads a sanitize to NVMe data disks (crypto erase by
    // default, block erase on request); FieldGuard has no native helper to issue it yet.
    offers = every(
      'windows-reinitialize-media',
      device.transport === 'nvme' ? 'platform' : device.transport === 'usb' ? 'bridge' : 'not-supported',
    );
  } else if (platform !== 'linux') {
    offers = every('nvme-sanitize', 'platform');
  } else if (device.transport === 'usb') {
    // USB sticks and card readers take neither command; USB–NVMe/SATA enclosures rarely pass them through.
    offers = every('ata-sanitize', 'bridge');
  } else if (device.transport === 'nvme') {
    offers = nvmeOffers(input.nvme);
  } else if (device.transport === 'sata') {
    offers = ataOffers(input.hdparm);
  } else {
    // SD/MMC, virtual (loop) devices, SAS, unknown: no sanitize path FieldGuard takes.
    offers = every('ata-sanitize', 'not-supported');
  }
  const available = offers.some((o) => o.available);
  return { offers, reason: available ? null : firstReason(offers) };
}

/** The reason that matters most to the engineer: what they could change first. */
const REASON_ORDER: readonly SanitizeUnavailableReason[] = [
  'system-disk',
  'no-admin-rights',
  'tool-missing',
  'frozen',
  'locked',
  'bridge',
  'platform',
  'unreadable',
  'not-supported',
];

function firstReason(offers: readonly SanitizeOffer[]): SanitizeUnavailableReason {
  const reasons = new Set(offers.map((o) => o.reason).filter((r): r is SanitizeUnavailableReason => r !== null));
  return REASON_ORDER.find((r) => reasons.has(r)) ?? 'not-supported';
}

/** Japanese then English, for the screen, the CLI and the certificate. */
export const SANITIZE_REASON_TEXT: Readonly<Record<SanitizeUnavailableReason, { readonly ja: string; readonly en: string }>> = {
  'not-supported': { ja: 'この装置はこの方式のサニタイズに対応していません', en: 'the device does not support this sanitize technique' },
  frozen: {
    ja: 'ATA セキュリティが frozen 状態です（BIOS が起動時に凍結。スリープ・復帰で解除できることがあります）',
    en: 'ATA security is frozen (set by the BIOS at boot; a sleep/resume cycle may clear it)',
  },
  locked: {
    ja: 'ATA セキュリティでロックされています（パスワード設定あり）',
    en: 'the drive is locked by ATA security (a password is set)',
  },
  bridge: {
    ja: 'USB 変換（ブリッジ）経由のため、装置のサニタイズ命令が届きません',
    en: 'behind a USB bridge that does not pass the sanitize commands through',
  },
  'tool-missing': { ja: 'nvme-cli または hdparm がインストールされていません', en: 'nvme-cli or hdparm is not installed' },
  'no-admin-rights': { ja: '管理者（root）権限が必要です', en: 'administrator (root) rights are needed' },
  unreadable: { ja: '装置の情報を読み取れませんでした', en: 'the device’s identify data could not be read' },
  platform: {
    ja: 'この OS では FieldGuard は装置のサニタイズを実行できません（上書き消去を使います）',
    en: 'FieldGuard cannot run a device sanitize on this OS (an overwrite is used)',
  },
  'system-disk': { ja: 'システムのディスクはサニタイズしません', en: 'the system disk is never sanitized' },
};
