/**
 * `fieldguard archive …`: the company evidence archive (issue 20).
 *
 * The engineer, with the vault: `archive settings` records the archive the company policy
 * names (the secret key is read from standard input, never from an argument), `archive sync`
 * sends what is queued (Ctrl-C cancels; what was sent stays recorded), `archive status` says
 * what waits.
 *
 * The security office, without any laptop: `archive verify`, `archive get NUMBER`,
 * `archive report --from --to [--site]` and `archive hold NUMBER [--off]`, on the store named
 * by --endpoint, --region, --bucket and --prefix, with the office's key in AWS_ACCESS_KEY_ID
 * and AWS_SECRET_ACCESS_KEY (the usual variables, never an argument). `archive report --pdf
 * FILE` also signs the listing, with the vault of the person running it (--data-dir,
 * --password-stdin), enrolled with the company authority like an engineer's.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { archiveState } from '../../core/archive/archive-queue';
import { requireArchiveSettings, saveArchiveSettings } from '../../core/archive/archive-settings';
import { findArchivedDocument, periodBound, reportCsv, reportRows } from '../../core/archive/archive-documents';
import { issueArchiveReport } from '../../core/archive/archive-report';
import type { ArchiveStore } from '../../core/archive/archive-store';
import { syncArchiveInWorkers } from '../../core/archive/sync-archive';
import { verifyArchive } from '../../core/archive/verify-archive';
import { AppError } from '../../core/app-error';
import { anchorsFromSources, TrustSourceError } from '../../core/certificates/trust-anchors';
import { verifyCertificate } from '../../core/certificates/verify-certificate';
import { verifyWorkerNextTo } from '../../core/certificates/verify-in-worker';
import { createS3ArchiveStore } from '../../platform/archive/s3-archive-store';
import { errorMessage } from '../../shared/error-messages';
import { ExitCode, type CliIo, type Command, type ParsedArgs } from '../command';
import { printJson, unlockedVault, vaultContext, vaultOptions } from '../vault-context';

const TEXT = {
  ja: {
    saved: (bucket: string, days: number, mode: string) => `会社の保管先を設定しました: ${bucket}（保存期間 ${days} 日、${mode}）`,
    secretPrompt: 'シークレットアクセスキー: ',
    progress: (done: number, total: number) => `送信中 ${done}/${total}`,
    synced: (n: number, again: number) => `会社の保管先へ送った文書: ${n} 件（中断した送信の続き ${again} 件を含む）`,
    refused: (number: string) => `  ✗ 署名を確認できないため送りませんでした: ${number}`,
    failed: (number: string, error: string) => `  ✗ 送れませんでした（次回もう一度送ります）: ${number} — ${error}`,
    status: (waiting: number, archived: number, last: string) => `送信待ち: ${waiting} 件、保管済み: ${archived} 件、最後の送信: ${last}`,
    never: 'まだありません',
    notConfigured: '会社の保管先は設定されていません。',
    incident: '  ✗ 保管先の記録より古いデータフォルダーが見つかりました（インシデント）',
    connection: '--endpoint、--bucket、--prefix と環境変数 AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY を指定してください。',
    verified: (s: {
      documents: number;
      genuine: number;
      notGenuine: number;
      issuerUnconfirmed: number;
      missingNumbers: number;
      anchorProblems: number;
    }) =>
      `文書 ${s.documents} 件: 正規 ${s.genuine}、発行者未確認 ${s.issuerUnconfirmed}、不正 ${s.notGenuine}。欠けている番号 ${s.missingNumbers} 件。アンカーの問題 ${s.anchorProblems} 件。`,
    allGood: 'すべての文書が正規で、欠けている番号はなく、アンカーは前にしか進んでいません。',
    missing: (n: string) => `  ✗ 保管されていない番号: ${n}`,
    docProblem: (n: string, p: string) => `  ✗ ${n}: ${p}`,
    anchorProblem: (k: string, p: string) => `  ✗ アンカー ${k}: ${p}`,
    numberMissing: '証明書番号を指定してください。',
    fetched: (file: string, status: string) => `保存しました: ${file}（検証: ${status}）`,
    datesMissing: '--from と --to（ISO 形式の日付）を指定してください。',
    held: (n: string, on: boolean) => `${n}: リーガルホールドを${on ? '設定' : '解除'}しました。`,
    listed: (file: string, number: string, n: number) => `署名付きの保管文書一覧を保存しました: ${file}（番号 ${number}、文書 ${n} 件）`,
  },
  en: {
    saved: (bucket: string, days: number, mode: string) => `Company archive set: ${bucket} (retention ${days} days, ${mode})`,
    secretPrompt: 'Secret access key: ',
    progress: (done: number, total: number) => `Sending ${done}/${total}`,
    synced: (n: number, again: number) =>
      `Documents sent to the company archive: ${n} (of which ${again} finished from an interrupted sync)`,
    refused: (number: string) => `  ✗ Not sent, its signature does not verify: ${number}`,
    failed: (number: string, error: string) => `  ✗ Not sent (tried again at the next sync): ${number} — ${error}`,
    status: (waiting: number, archived: number, last: string) => `Waiting: ${waiting}, archived: ${archived}, last sync: ${last}`,
    never: 'never',
    notConfigured: 'No company archive is set.',
    incident: '  ✗ A data folder older than the archive’s record was found (incident)',
    connection: 'Give --endpoint, --bucket, --prefix and the environment variables AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.',
    verified: (s: {
      documents: number;
      genuine: number;
      notGenuine: number;
      issuerUnconfirmed: number;
      missingNumbers: number;
      anchorProblems: number;
    }) =>
      `${s.documents} documents: ${s.genuine} genuine, ${s.issuerUnconfirmed} issuer not confirmed, ${s.notGenuine} not genuine. ${s.missingNumbers} numbers missing. ${s.anchorProblems} anchor problems.`,
    allGood: 'Every document is genuine, no number is missing, and the anchors only move forward.',
    missing: (n: string) => `  ✗ Not archived: ${n}`,
    docProblem: (n: string, p: string) => `  ✗ ${n}: ${p}`,
    anchorProblem: (k: string, p: string) => `  ✗ Anchor ${k}: ${p}`,
    numberMissing: 'Give the certificate number.',
    fetched: (file: string, status: string) => `Saved: ${file} (verification: ${status})`,
    datesMissing: 'Give --from and --to (ISO dates).',
    held: (n: string, on: boolean) => `${n}: legal hold ${on ? 'set' : 'cleared'}.`,
    listed: (file: string, number: string, n: number) => `Signed archive listing saved: ${file} (number ${number}, ${n} documents)`,
  },
};

const str = (value: ParsedArgs['values'][string]): string | undefined => (typeof value === 'string' ? value : undefined);
const strings = (value: ParsedArgs['values'][string]): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];

const storeOptions = {
  endpoint: { type: 'string' },
  region: { type: 'string' },
  bucket: { type: 'string' },
  prefix: { type: 'string' },
  company: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** `get` and `hold`: the certificate number (the one positional) and the office's store; null once the reason is printed. */
function numberAndOffice(
  args: ParsedArgs,
  io: CliIo,
  numberMissing: string,
): { number: string; office: NonNullable<ReturnType<typeof officeStore>> } | null {
  const [number] = args.positionals;
  if (!number) {
    io.stderr(`${numberMissing}\n`);
    return null;
  }
  const office = officeStore(args, io);
  return office ? { number, office } : null;
}

/** The office's store from the options and the standard AWS variables; null (after saying what is missing) when incomplete. */
function officeStore(args: ParsedArgs, io: CliIo): { store: ArchiveStore & { destroy(): void }; prefix: string; company?: string } | null {
  const endpoint = str(args.values.endpoint);
  const bucket = str(args.values.bucket);
  const prefix = str(args.values.prefix);
  const accessKeyId = io.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = io.env.AWS_SECRET_ACCESS_KEY;
  if (!endpoint || !bucket || !prefix || !accessKeyId || !secretAccessKey) {
    io.stderr(`${TEXT[io.language].connection}\n`);
    return null;
  }
  const company = str(args.values.company);
  return {
    store: createS3ArchiveStore({ endpoint, region: str(args.values.region) ?? 'us-east-1', bucket, accessKeyId, secretAccessKey }),
    prefix,
    ...(company ? { company } : {}),
  };
}

/** Ctrl-C cancels the work between two documents instead of killing the process mid-write. */
function cancelOnInterrupt(): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  return { signal: controller.signal, release: () => process.off('SIGINT', onSigint) };
}

export const archiveSettingsCommand: Command = {
  name: 'archive settings',
  summary: { ja: '会社の保管先（S3 オブジェクトロック）を設定します', en: 'Set the company archive (S3 Object Lock)' },
  usage:
    'archive settings --endpoint URL --region REGION --bucket BUCKET --prefix PREFIX --company ID --access-key-id KEY [--retention-mode COMPLIANCE|GOVERNANCE] [--retention-days N] [--data-dir DIR] [--password-stdin]',
  options: {
    ...vaultOptions,
    ...storeOptions,
    'access-key-id': { type: 'string' },
    'retention-mode': { type: 'string' },
    'retention-days': { type: 'string' },
  },
  async run(args, io) {
    const text = TEXT[io.language];
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      // After the password, from the same source: one line, never an argument.
      const secretAccessKey = await context.secrets.next(text.secretPrompt);
      const days = str(args.values['retention-days']);
      const saved = saveArchiveSettings(
        vault.session(),
        {
          endpoint: str(args.values.endpoint) ?? '',
          region: str(args.values.region) ?? 'us-east-1',
          bucket: str(args.values.bucket) ?? '',
          prefix: str(args.values.prefix) ?? '',
          company: str(args.values.company) ?? '',
          accessKeyId: str(args.values['access-key-id']) ?? '',
          secretAccessKey,
          ...(days ? { retentionDays: Number(days) } : {}),
          ...(str(args.values['retention-mode']) ? { retentionMode: str(args.values['retention-mode']) as 'COMPLIANCE' } : {}),
        },
        new Date(),
      );
      if (context.json)
        printJson(io, {
          bucket: saved.bucket,
          prefix: saved.prefix,
          retentionMode: saved.retentionMode,
          retentionDays: saved.retentionDays,
        });
      else io.stdout(`${text.saved(saved.bucket, saved.retentionDays, saved.retentionMode)}\n`);
      return ExitCode.ok;
    } finally {
      vault.lock('manual');
    }
  },
};

export const archiveSyncCommand: Command = {
  name: 'archive sync',
  summary: {
    ja: '送信待ちの文書を会社の保管先へ送ります（訪問作業中は送りません）',
    en: 'Send queued documents to the company archive (never during a visit)',
  },
  usage: 'archive sync [--data-dir DIR] [--password-stdin] [--json]',
  options: { ...vaultOptions },
  async run(args, io) {
    const text = TEXT[io.language];
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    const interrupt = cancelOnInterrupt();
    const store = createS3ArchiveStore(requireArchiveSettings(vault.session().db));
    try {
      let shown = -1;
      // Built, the CLI finds verify-worker.js next to its bundle; from source, the TypeScript worker.
      const result = await syncArchiveInWorkers(
        vault.session(),
        store,
        {
          now: () => new Date(),
          signal: interrupt.signal,
          onProgress: ({ done, total }) => {
            // A line per tenth: enough to see it move, not a flood in a log.
            const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
            if (!context.json && tenth !== shown) io.stderr(`${text.progress(done, total)}\n`);
            shown = tenth;
          },
        },
        verifyWorkerNextTo(import.meta.url),
      );
      if (context.json) printJson(io, result);
      else {
        io.stdout(`${text.synced(result.archived, result.alreadyThere)}\n`);
        for (const number of result.refused) io.stdout(`${text.refused(number)}\n`);
        for (const f of result.failed) io.stdout(`${text.failed(f.number, errorMessage(f.error as 'ARCHIVE_STORE_ERROR', io.language))}\n`);
      }
      return result.refused.length > 0 || result.failed.length > 0 ? ExitCode.refused : ExitCode.ok;
    } finally {
      interrupt.release();
      store.destroy();
      vault.lock('manual');
    }
  },
};

export const archiveStatusCommand: Command = {
  name: 'archive status',
  summary: { ja: '会社の保管先への送信状況を表示します', en: 'Show what waits for the company archive' },
  usage: 'archive status [--data-dir DIR] [--password-stdin] [--json]',
  options: { ...vaultOptions },
  async run(args, io) {
    const text = TEXT[io.language];
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      const state = archiveState(vault.session().db);
      if (context.json) printJson(io, state);
      else {
        if (!state.configured) io.stdout(`${text.notConfigured}\n`);
        io.stdout(`${text.status(state.waiting, state.archived, state.lastSyncAt ?? text.never)}\n`);
        for (const f of state.failed) io.stdout(`${text.failed(f.number, f.error)}\n`);
        if (state.incident) io.stdout(`${text.incident}\n`);
      }
      return state.incident || state.refused > 0 ? ExitCode.refused : ExitCode.ok;
    } finally {
      vault.lock('manual');
    }
  },
};

export const archiveVerifyCommand: Command = {
  name: 'archive verify',
  summary: {
    ja: '会社の保管先の全文書・番号・アンカーを検証します（情報セキュリティ担当者向け）',
    en: 'Verify every document, number and anchor in the company archive (security office)',
  },
  usage:
    'archive verify --endpoint URL --bucket BUCKET --prefix PREFIX --trust-root ROOT... [--crl CRL]... [--company ID [--engineer EMPLOYEE_ID]] [--region REGION] [--json]',
  options: {
    ...storeOptions,
    engineer: { type: 'string' },
    'trust-root': { type: 'string', multiple: true },
    crl: { type: 'string', multiple: true },
  },
  async run(args, io) {
    const text = TEXT[io.language];
    const office = officeStore(args, io);
    if (!office) return ExitCode.error;
    let trust;
    try {
      trust = await anchorsFromSources(strings(args.values['trust-root']), strings(args.values.crl));
    } catch (error) {
      if (error instanceof TrustSourceError) {
        io.stderr(`TRUST_ROOT_INVALID: ${errorMessage('TRUST_ROOT_INVALID', io.language)}\n`);
        return ExitCode.error;
      }
      throw error;
    }
    const interrupt = cancelOnInterrupt();
    try {
      const engineer = str(args.values.engineer);
      const result = await verifyArchive(office.store, {
        prefix: office.prefix,
        ...(office.company ? { company: office.company } : {}),
        ...(engineer ? { engineer } : {}),
        trust,
        signal: interrupt.signal,
      });
      if (args.values.json) printJson(io, result);
      else {
        const lines = [text.verified(result.summary)];
        for (const d of result.documents) for (const p of d.problems) lines.push(text.docProblem(d.number, p));
        for (const m of result.missingNumbers) lines.push(text.missing(m.number));
        for (const a of result.anchors.problems) lines.push(text.anchorProblem(a.key, a.problem));
        if (result.ok) lines.push(text.allGood);
        io.stdout(`${lines.join('\n')}\n`);
      }
      return result.ok ? ExitCode.ok : ExitCode.refused;
    } finally {
      interrupt.release();
      office.store.destroy();
    }
  },
};

export const archiveGetCommand: Command = {
  name: 'archive get',
  summary: { ja: '証明書番号の文書を会社の保管先から取り出します', en: 'Fetch a document from the company archive by its number' },
  usage:
    'archive get NUMBER --endpoint URL --bucket BUCKET --prefix PREFIX [--company ID] [--out DIR] [--trust-root ROOT]... [--region REGION] [--json]',
  options: { ...storeOptions, out: { type: 'string' }, 'trust-root': { type: 'string', multiple: true } },
  async run(args, io) {
    const text = TEXT[io.language];
    const named = numberAndOffice(args, io, text.numberMissing);
    if (!named) return ExitCode.error;
    const { number, office } = named;
    try {
      const keys = await findArchivedDocument(office.store, office.prefix, number, office.company);
      const pdf = keys ? await office.store.getObject(keys.pdf) : null;
      if (!keys || !pdf) throw new AppError('ARCHIVE_DOCUMENT_NOT_FOUND');
      const out = str(args.values.out) ?? '.';
      const file = path.join(out, `${number}.pdf`);
      await writeFile(file, pdf);
      const json = keys.json ? await office.store.getObject(keys.json) : null;
      if (json) await writeFile(path.join(out, `${number}.json`), json);
      // The copy handed to a hospital is checked first: only positive evidence is called genuine.
      const verification = await verifyCertificate(pdf, await anchorsFromSources(strings(args.values['trust-root']), []));
      if (args.values.json) printJson(io, { file, status: verification.status, number: verification.number ?? null });
      else io.stdout(`${text.fetched(file, verification.status)}\n`);
      return verification.status === 'genuine' ? ExitCode.ok : ExitCode.refused;
    } finally {
      office.store.destroy();
    }
  },
};

export const archiveReportCommand: Command = {
  name: 'archive report',
  summary: {
    ja: '期間内の文書の一覧を施設・エンジニア・種類ごとに CSV と署名付き PDF で出力します',
    en: 'List the documents of a period by site, engineer and kind, as CSV and as a signed PDF',
  },
  usage:
    'archive report --from DATE --to DATE [--site NAME] --endpoint URL --bucket BUCKET --prefix PREFIX [--company ID] [--out FILE.csv] [--pdf FILE.pdf [--data-dir DIR] [--password-stdin]] [--region REGION] [--json]',
  options: {
    ...storeOptions,
    ...vaultOptions,
    from: { type: 'string' },
    to: { type: 'string' },
    site: { type: 'string' },
    out: { type: 'string' },
    pdf: { type: 'string' },
  },
  async run(args, io) {
    const text = TEXT[io.language];
    const from = str(args.values.from);
    const to = str(args.values.to);
    const fromAt = from ? periodBound(from) : null;
    const toAt = to ? periodBound(to) : null;
    if (!from || !to || !fromAt || !toAt) {
      io.stderr(`${text.datesMissing}\n`);
      return ExitCode.error;
    }
    const office = officeStore(args, io);
    if (!office) return ExitCode.error;
    const pdfFile = str(args.values.pdf);
    // The signer's vault is opened first: a wrong password stops before anything is read from the store.
    const vault = pdfFile
      ? await unlockedVault(vaultContext(args, io), io).catch((error: unknown) => {
          office.store.destroy();
          throw error;
        })
      : null;
    try {
      const site = str(args.values.site);
      const rows = await reportRows(office.store, {
        prefix: office.prefix,
        ...(office.company ? { company: office.company } : {}),
        from,
        to,
        ...(site ? { site } : {}),
        language: io.language,
      });
      const out = str(args.values.out);
      if (out) await writeFile(out, reportCsv(rows, io.language));
      else if (!vault) io.stdout(reportCsv(rows, io.language));
      if (vault && pdfFile) {
        const issued = await issueArchiveReport(
          vault.session(),
          rows,
          {
            from: { given: from, at: fromAt.toISOString() },
            to: { given: to, at: toAt.toISOString() },
            site: site ?? null,
            company: office.company ?? null,
            bucket: str(args.values.bucket) ?? '',
            prefix: office.prefix,
          },
          new Date(),
        );
        await writeFile(pdfFile, issued.pdf);
        if (args.values.json)
          printJson(io, { file: pdfFile, number: issued.number, documents: rows.length, evidenceSha256: issued.evidenceSha256 });
        else io.stdout(`${text.listed(pdfFile, issued.number, rows.length)}\n`);
      }
      return ExitCode.ok;
    } finally {
      office.store.destroy();
      vault?.lock('manual');
    }
  },
};

export const archiveHoldCommand: Command = {
  name: 'archive hold',
  summary: {
    ja: '文書にリーガルホールドを設定します（インシデント対応 18-1）',
    en: 'Set a legal hold on a document (incident response, 18-1)',
  },
  usage: 'archive hold NUMBER [--off] --endpoint URL --bucket BUCKET --prefix PREFIX [--company ID] [--region REGION]',
  options: { ...storeOptions, off: { type: 'boolean' } },
  async run(args, io) {
    const text = TEXT[io.language];
    const named = numberAndOffice(args, io, text.numberMissing);
    if (!named) return ExitCode.error;
    const { number, office } = named;
    try {
      const keys = await findArchivedDocument(office.store, office.prefix, number, office.company);
      if (!keys) throw new AppError('ARCHIVE_DOCUMENT_NOT_FOUND');
      const on = args.values.off !== true;
      for (const key of [keys.pdf, keys.json]) {
        if (!key) continue;
        const head = await office.store.headObject(key);
        if (head?.versionId) await office.store.setLegalHold(key, head.versionId, on);
      }
      io.stdout(`${text.held(number, on)}\n`);
      return ExitCode.ok;
    } finally {
      office.store.destroy();
    }
  },
};
