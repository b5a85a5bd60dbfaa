/** Every `fieldguard` subcommand, in the order `--help` lists them. */
import type { Command } from '../command';
import {
  archiveGetCommand,
  archiveHoldCommand,
  archiveReportCommand,
  archiveSettingsCommand,
  archiveStatusCommand,
  archiveSyncCommand,
  archiveVerifyCommand,
} from './archive';
import { auditListCommand } from './audit-list';
import { auditVerifyCommand } from './audit-verify';
import {
  authorityCrlCommand,
  authorityInitCommand,
  authorityIssueCommand,
  authorityListCommand,
  authorityRevokeCommand,
} from './authority';
import { disksCommand } from './disks';
import { enrollImportCommand, enrollRequestCommand, enrollStatusCommand } from './enroll';
import { eraseCommand } from './erase';
import { ledgerExportCommand, ledgerListCommand } from './ledger';
import { sanitizeCommand } from './sanitize';
import { selfcheckCommand } from './selfcheck';
import { timestampCommand } from './timestamp';
import { vaultChangePasswordCommand } from './vault-change-password';
import { vaultEraseItemCommand } from './vault-erase-item';
import { vaultExportCommand } from './vault-export';
import { vaultImportCommand } from './vault-import';
import { vaultInitCommand } from './vault-init';
import { vaultListCommand } from './vault-list';
import { vaultStatusCommand } from './vault-status';
import { verifyCommand } from './verify';

export const commands: readonly Command[] = [
  disksCommand,
  selfcheckCommand,
  vaultInitCommand,
  vaultStatusCommand,
  vaultListCommand,
  vaultImportCommand,
  vaultExportCommand,
  vaultEraseItemCommand,
  vaultChangePasswordCommand,
  auditListCommand,
  auditVerifyCommand,
  ledgerListCommand,
  ledgerExportCommand,
  eraseCommand,
  sanitizeCommand,
  verifyCommand,
  timestampCommand,
  archiveSettingsCommand,
  archiveSyncCommand,
  archiveStatusCommand,
  archiveVerifyCommand,
  archiveGetCommand,
  archiveReportCommand,
  archiveHoldCommand,
  enrollRequestCommand,
  enrollImportCommand,
  enrollStatusCommand,
  authorityInitCommand,
  authorityIssueCommand,
  authorityRevokeCommand,
  authorityCrlCommand,
  authorityListCommand,
];
