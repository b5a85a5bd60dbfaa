/**
 * `fieldguard erase --list-devices` and `fieldguard erase --device PATH --confirm-serial LAST
 * --site HOSPITAL [--technique overwrite|sanitize-crypto|sanitize-block] [--certificate OUT.pdf]`:
 * whole-medium erasure of a removable device (issue
 * 14) from the command line, with the journal, evidence and signed certificate of the app.
 *
 * The device is checked before the vault is opened and before anything is written: it must be
 * a whole device listed now, removable (or a loop device), not holding the system or the
 * vault's data folder, and LAST must be the last four or more characters of its serial (its
 * device name when it reports no serial). A device sanitize technique must be one the device
 * offers now (the list shows what each offers, and why not): else it is refused with the
 * reason before anything is journaled. Its partitions are then unmounted, every sector is
 * overwritten and read back, the certificate names the device by model and serial, and the
 * ledger item with that serial is linked to it when the device was erased. Without the rights
 * to open the device, the refusal says what is needed (root / administrator). Exit 0 only when
 * the device was erased and verified; 1 when it was not or was refused; 2 on error.
 */
import path from 'node:path';
import { realpath } from 'node:fs/promises';
import { formatBytes } from '../../shared/format-bytes';
import { ErasureError } from '../../core/erasure/erasure-exceptions';
import { listJobItems } from '../../core/erasure/erasure-journal';
import { isErasureMethod } from '../../core/erasure/erasure-methods';
import { auditErasureEnd, auditErasureStart, workerErasureRunner } from '../../core/erasure/erasure-workflow';
import type { DeviceFacts } from '../../core/erasure/medium';
import { erasureWorkerNextTo } from '../../core/erasure/run-erasure-in-worker';
import { confirmationHint, confirmationMatches } from '../../core/erasure/whole-medium/device-identity';
import { deviceErasedIn } from '../../core/erasure/whole-medium/device-certificate-sections';
import {
  isWholeMediumTechnique,
  planWholeMediumErasure,
  SanitizeUnavailableError,
  wholeMediumRefusal,
  type WholeMediumTechnique,
} from '../../core/erasure/whole-medium/plan-whole-medium-erasure';
import { readSanitizeCapability } from '../../platform/sanitize/read-sanitize-capability';
import { SANITIZE_REASON_TEXT, type SanitizeCapability } from '../../platform/sanitize/sanitize-capability';
import { linkDeviceErasureToLedger } from '../../core/ledger/link-device-erasure';
import { listWholeDevices, MediaUnreadableError } from '../../platform/media/read-medium';
import packageJson from '../../../package.json' with { type: 'json' };
import { ExitCode, type CliIo, type ParsedArgs } from '../command';
import { printJson, unlockedVault, vaultContext, type VaultContext } from '../vault-context';
import { interruptedJobs, refuseWhileInterrupted } from './erase-jobs';
import { certificateTarget, issueAndSave, refuse, reportNotSaved } from './erase-output';

const TEXT = {
  ja: {
    usage:
      '--device には装置のパス、--confirm-serial にはシリアル番号の末尾 4 文字以上（シリアル番号のない装置はデバイス名）、--site には施設名を指定してください。--technique は overwrite・sanitize-crypto・sanitize-block のいずれかです。\n',
    noDevices: '消去できる装置の一覧を取得できませんでした。\n',
    columns: ['装置', '型式', 'シリアル番号', '容量', '接続', 'リムーバブル', '選択', '装置のサニタイズ'],
    noSanitize: (reason: string) => `なし（${reason}）`,
    sanitizeProgress: (percent: number) => `装置のサニタイズ: ${percent}%\n`,
    selectable: '可',
    confirmWith: (hint: string) => `確認入力: ${hint}`,
    unmounted: (mounts: string) => `アンマウントしました: ${mounts}\n`,
    progress: (phase: string, pass: number, passes: number, percent: number) =>
      `${phase === 'verify' ? '読み戻し検証' : '上書き'} ${pass}/${passes}: ${percent}%\n`,
    status: '状態',
    device: '装置',
    badSectors: '不良セクタ',
    verified: '検証済みバイト数',
    certificate: '証明書',
    ledger: (label: string) => `台帳の ${label} を消去済みにし、証明書と結び付けました。\n`,
    yes: 'はい',
    no: 'いいえ',
  },
  en: {
    usage:
      'Give --device with the device path, --confirm-serial with the last 4 or more characters of its serial number (its device name when it has none), and --site. --technique is overwrite, sanitize-crypto or sanitize-block.\n',
    noDevices: 'The devices of this computer could not be listed.\n',
    columns: ['Device', 'Model', 'Serial', 'Size', 'Bus', 'Removable', 'Selectable', 'Device sanitize'],
    noSanitize: (reason: string) => `none (${reason})`,
    sanitizeProgress: (percent: number) => `Device sanitize: ${percent}%\n`,
    selectable: 'yes',
    confirmWith: (hint: string) => `confirm with: ${hint}`,
    unmounted: (mounts: string) => `Unmounted: ${mounts}\n`,
    progress: (phase: string, pass: number, passes: number, percent: number) =>
      `${phase === 'verify' ? 'Read-back' : 'Overwrite'} ${pass}/${passes}: ${percent}%\n`,
    status: 'Status',
    device: 'Device',
    badSectors: 'Bad sectors',
    verified: 'Bytes verified',
    certificate: 'Certificate',
    ledger: (label: string) => `Ledger item ${label} recorded as erased, linked to the certificate.\n`,
    yes: 'yes',
    no: 'no',
  },
} as const;

/** A device as a line of the list: what the engineer recognises, and whether (and how) it can be chosen. */
function deviceRow(device: DeviceFacts, capability: SanitizeCapability, io: CliIo): string[] {
  const text = TEXT[io.language];
  const refusal = wholeMediumRefusal(device);
  return [
    device.path,
    [device.vendor, device.model].filter(Boolean).join(' ') || '—',
    device.serial ?? '—',
    device.sizeBytes === null ? '—' : formatBytes(device.sizeBytes, io.language),
    device.transport ?? '—',
    device.removable === true ? text.yes : device.removable === false ? text.no : '—',
    refusal === null ? `${text.selectable} (${text.confirmWith(confirmationHint(device).text)})` : refusal,
    sanitizeOffered(capability, io),
  ];
}

/** The `--technique` values the device offers now, or the reason it offers none. */
function sanitizeOffered(capability: SanitizeCapability, io: CliIo): string {
  const offered = capability.offers.filter((o) => o.available).map((o) => o.technique);
  return offered.length > 0
    ? offered.join(', ')
    : TEXT[io.language].noSanitize(SANITIZE_REASON_TEXT[capability.reason ?? 'not-supported'][io.language]);
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length))) ?? [];
  return (
    rows
      .map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  '))
      .join('\n') + '\n'
  );
}

/** Lists the whole devices, the data folder's marked as holding the system; exit 2 when they cannot be listed. */
async function devicesOrRefusal(context: VaultContext, io: CliIo): Promise<DeviceFacts[] | ExitCode> {
  try {
    return await listWholeDevices({ dataFolder: context.dataDir });
  } catch (error) {
    if (!(error instanceof MediaUnreadableError)) throw error;
    io.stderr(TEXT[io.language].noDevices + error.problems.map((p) => `  ${p}\n`).join(''));
    return ExitCode.error;
  }
}

/** `erase --list-devices [--json]`: every whole device, and why each that cannot be chosen cannot. */
export async function listDevicesCommand(args: ParsedArgs, io: CliIo): Promise<ExitCode> {
  const devices = await devicesOrRefusal(vaultContext(args, io), io);
  if (typeof devices === 'number') return devices;
  // Asked of each device (nvme id-ctrl, hdparm -I): what its own sanitize offers now, and why not.
  const capabilities = await Promise.all(devices.map((device) => readSanitizeCapability(device)));
  if (args.values.json === true) {
    printJson(io, {
      devices: devices.map((device, i) => ({
        ...device,
        refusal: wholeMediumRefusal(device),
        confirmation: confirmationHint(device),
        sanitize: capabilities[i],
      })),
    });
  } else {
    io.stdout(
      table([TEXT[io.language].columns, ...devices.map((device, i) => deviceRow(device, capabilities[i] as SanitizeCapability, io))]),
    );
  }
  return ExitCode.ok;
}

/** The device named on the command line, through links such as /dev/disk/by-id/…, as the OS lists it now. */
async function namedDevice(devices: readonly DeviceFacts[], given: string): Promise<DeviceFacts | null> {
  const resolved = await realpath(given).catch(() => given);
  return devices.find((device) => device.path === resolved || device.path === given) ?? null;
}

function printProgress(
  io: CliIo,
  technique: WholeMediumTechnique,
): (progress: { bytesDone: number; bytesTotal: number; phase: string; currentPass: number; passes: number }) => void {
  let last: number | null = null;
  return (progress) => {
    if (progress.bytesTotal <= 0) return;
    const percent = Math.floor((progress.bytesDone / progress.bytesTotal) * 100);
    // The start, then every 5 %: lines a log can keep, not a flood.
    if (last !== null && percent < last + 5 && !(percent === 100 && last < 100)) return;
    last = percent;
    io.stderr(
      technique === 'overwrite'
        ? TEXT[io.language].progress(progress.phase, progress.currentPass, progress.passes, percent)
        : TEXT[io.language].sanitizeProgress(percent),
    );
  };
}

/** `erase --device PATH --confirm-serial LAST --site HOSPITAL …`. */
export async function runDeviceErasureCommand(args: ParsedArgs, io: CliIo): Promise<ExitCode> {
  const text = TEXT[io.language];
  const value = (name: string) => (typeof args.values[name] === 'string' ? args.values[name].trim() : '');
  const method = value('method') || 'random-verify';
  const site = {
    hospital: value('site'),
    department: value('department'),
    administrator: value('administrator'),
    reference: value('reference'),
  };
  const given = value('device');
  const technique = value('technique') || 'overwrite';
  if (
    !given ||
    !value('confirm-serial') ||
    !site.hospital ||
    !isErasureMethod(method) ||
    !isWholeMediumTechnique(technique) ||
    args.positionals.length > 0
  ) {
    io.stderr(text.usage);
    return ExitCode.error;
  }
  // One context: its password source reads standard input once. Everything checkable is checked
  // before the vault is opened: a refusal writes nothing.
  const context = vaultContext(args, io);
  const devices = await devicesOrRefusal(context, io);
  if (typeof devices === 'number') return devices;
  const device = await namedDevice(devices, given);
  if (!device) return refuse(io, new ErasureError('ERASURE_DEVICE_NOT_FOUND'), [given]);
  const refusal = wholeMediumRefusal(device);
  if (refusal !== null) return refuse(io, new ErasureError(refusal), [device.path]);
  if (!confirmationMatches(device, value('confirm-serial')))
    return refuse(io, new ErasureError('ERASURE_DEVICE_CONFIRMATION_MISMATCH'), [
      `${device.path}: ${device.serial ?? path.basename(device.path)}`,
    ]);
  const certificate = await certificateTarget(args, io);
  if (typeof certificate === 'number') return certificate;

  const vault = await unlockedVault(context, io);
  try {
    const session = vault.session();
    const interrupted = interruptedJobs(session);
    if (interrupted.length > 0) return refuseWhileInterrupted(io, args, interrupted);
    let jobId: string;
    try {
      const plan = await planWholeMediumErasure(session.db, device, {
        method,
        siteReference: JSON.stringify(site),
        confirmation: value('confirm-serial'),
        technique,
      });
      jobId = plan.jobId;
      if (plan.unmounted.length > 0 && args.values.json !== true) io.stderr(text.unmounted(plan.unmounted.join(', ')));
    } catch (error) {
      if (error instanceof SanitizeUnavailableError)
        return refuse(io, error, [`${device.path}: ${technique} — ${SANITIZE_REASON_TEXT[error.reason][io.language]}`]);
      if (error instanceof ErasureError) return refuse(io, error, [device.path]);
      throw error;
    }
    auditErasureStart(session, jobId, { method, targets: 1, site });
    try {
      await workerErasureRunner(erasureWorkerNextTo(import.meta.url))(session, jobId, {
        runner: 'cli',
        onProgress: args.values.json === true ? undefined : printProgress(io, technique),
      });
    } catch (error) {
      // Refused before the first write (no rights, busy, replugged): the job stays resumable with `erase --resume`.
      if (error instanceof ErasureError) return refuse(io, error, [device.path, jobId]);
      throw error;
    }
    const evidence = auditErasureEnd(session, jobId, { toolVersion: packageJson.version });
    const erased = deviceErasedIn(evidence);
    const [item] = listJobItems(session.db, jobId);
    let issued: { id: string; number: string } | null = null;
    let saved = false;
    let ledgerLabel: string | null = null;
    if (certificate !== null) {
      ({ issued, saved } = await issueAndSave(session, evidence, site, certificate));
      const link = linkDeviceErasureToLedger(session, device, { id: issued.id, erased }, new Date());
      if (link.linked) ledgerLabel = link.item.label;
    }
    if (args.values.json === true) {
      printJson(io, {
        erasureJobId: jobId,
        status: evidence.status,
        erased,
        device: { path: device.path, model: device.model, serial: device.serial, sizeBytes: device.sizeBytes },
        bytesWritten: item?.bytesWritten ?? 0,
        bytesVerified: item?.bytesVerified ?? 0,
        badSectors: item?.badSectors ?? null,
        technique,
        sanitize: item?.sanitize?.result ?? null,
        certificate: issued?.number ?? null,
        certificateFile: saved ? (certificate?.file ?? null) : null,
        ledgerItem: ledgerLabel,
      });
    } else {
      io.stdout(
        `${text.device}: ${device.path} ${[device.vendor, device.model].filter(Boolean).join(' ')} ${device.serial ?? ''}\n` +
          `${text.status}: ${evidence.status}${erased ? '' : ` (${errorMessageFor(item?.exceptionCode ?? null, io)}${item?.sanitize?.result?.detail ? `: ${item.sanitize.result.detail}` : ''})`}\n` +
          `${text.verified}: ${formatBytes(item?.bytesVerified ?? 0, io.language)} / ${formatBytes(device.sizeBytes ?? 0, io.language)}\n` +
          `${text.badSectors}: ${item?.badSectors ?? '—'}\n` +
          (issued ? `${text.certificate}: ${issued.number}${saved ? ` → ${certificate?.file ?? ''}` : ''}\n` : '') +
          (ledgerLabel ? text.ledger(ledgerLabel) : ''),
      );
    }
    if (issued && !saved) return reportNotSaved(io, args, issued.number);
    return erased ? ExitCode.ok : ExitCode.refused;
  } finally {
    vault.lock('manual');
  }
}

/** The reason a device was not erased, for the status line: its exception, or "not erased". */
function errorMessageFor(code: string | null, io: CliIo): string {
  if (code === 'IO_ERROR') return io.language === 'ja' ? '不良セクタあり：消去されていません' : 'bad sectors: not erased';
  if (code === 'SANITIZE_NOT_COMPLETED')
    return io.language === 'ja'
      ? '装置のサニタイズの完了を確認できず：消去されていません'
      : 'the device sanitize was not confirmed complete: not erased';
  if (code === 'VERIFY_MISMATCH')
    return io.language === 'ja' ? '読み戻しが一致せず：消去されていません' : 'read-back did not match: not erased';
  return io.language === 'ja' ? '消去されていません' : 'not erased';
}

/** The options `erase` must accept for these two forms, beside its own (--site, --method, --certificate, …). */
export const deviceErasureOptions = {
  device: { type: 'string' },
  'confirm-serial': { type: 'string' },
  'list-devices': { type: 'boolean' },
  technique: { type: 'string' },
} as const;
