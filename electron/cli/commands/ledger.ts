/**
 * `fieldguard ledger list` and `fieldguard ledger export`: the media ledger from the command
 * line — the items with status and custodian, and the CSV or the signed ledger report written
 * through the same code (and audit entry) as the Ledger screen's exports.
 */
import path from 'node:path';
import { mediumStatuses, type MediumStatus } from '../../shared/ledger';
import { mediumStatusNames, mediumTypeNames } from '../../shared/ledger-texts';
import { writeLedgerCsv, writeLedgerReport } from '../../core/ledger/ledger-export';
import { listItems } from '../../core/ledger/ledger-store';
import { ExitCode, type Command } from '../command';
import { printJson, unlockedVault, vaultContext, vaultOptions } from '../vault-context';

export const ledgerListCommand: Command = {
  name: 'ledger list',
  summary: {
    ja: '媒体管理台帳の媒体を、状態と保管者とともに表示します',
    en: 'Show the media ledger with each item’s status and custodian',
  },
  usage: 'ledger list [--status STATUS] [--data-dir DIR] [--password-stdin] [--json]',
  options: { ...vaultOptions, status: { type: 'string' } },
  async run(args, io) {
    const status = args.values.status;
    if (status !== undefined && !(mediumStatuses as readonly unknown[]).includes(status)) {
      io.stderr(`--status: ${mediumStatuses.join(' ')}\n`);
      return ExitCode.error;
    }
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      const items = listItems(vault.session().db, status as MediumStatus | undefined);
      if (context.json) printJson(io, { items });
      else
        io.stdout(
          items
            .map((i) =>
              [
                i.label,
                mediumTypeNames[io.language][i.type],
                i.serial,
                mediumStatusNames[io.language][i.status],
                i.custodian,
                i.currentCheckout?.expectedReturnDate ?? '',
              ].join('\t'),
            )
            .join('\n') + (items.length ? '\n' : ''),
        );
      return ExitCode.ok;
    } finally {
      vault.lock('manual');
    }
  },
};

export const ledgerExportCommand: Command = {
  name: 'ledger export',
  summary: {
    ja: '媒体管理台帳を CSV（Excel 用）または署名付きの台帳 PDF に書き出します',
    en: 'Export the media ledger as CSV (for Excel) or as the signed ledger report (PDF)',
  },
  usage: 'ledger export (--csv FILE | --report FILE.pdf) [--data-dir DIR] [--password-stdin] [--json]',
  options: { ...vaultOptions, csv: { type: 'string' }, report: { type: 'string' } },
  async run(args, io) {
    const csv = typeof args.values.csv === 'string' ? path.resolve(args.values.csv) : null;
    const report = typeof args.values.report === 'string' ? path.resolve(args.values.report) : null;
    if ((csv === null) === (report === null)) {
      io.stderr(
        `${io.language === 'ja' ? '--csv か --report のどちらか一つを指定してください' : 'Give exactly one of --csv and --report'}\n`,
      );
      return ExitCode.error;
    }
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      const session = vault.session();
      const result =
        csv !== null
          ? { file: csv, ...(await writeLedgerCsv(session, csv)) }
          : { file: report, ...(await writeLedgerReport(session, report as string, new Date())) };
      if (context.json) printJson(io, result);
      else io.stdout(`${String(result.file)}${'number' in result ? `\t${result.number}` : ''}\n`);
      return ExitCode.ok;
    } finally {
      vault.lock('manual');
    }
  },
};
