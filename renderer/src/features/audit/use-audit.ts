/** The audit feature's data: the filtered, paged log, chain verification and CSV export. */
import { keepPreviousData } from '@tanstack/react-query';
import type { AuditFilter } from '@shared/audit';
import { useChannelMutation, useChannelQuery } from '../../lib/use-channel';

export function useAuditList(filter: AuditFilter) {
  return useChannelQuery('audit.list', filter, { placeholderData: keepPreviousData, staleTime: 0 });
}

export function useVerifyAudit() {
  // Verification records itself ('audit.verified'): the log is read again to show that entry.
  return useChannelMutation('audit.verify', (send) => send({}));
}

export function useExportAuditCsv() {
  return useChannelMutation('audit.exportCsv', (send, filter: AuditFilter) => send(filter));
}
