/** The audit feature's data: the filtered, paged log, chain verification and CSV export. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditFilter } from '@shared/audit';
import { invoke } from '../../lib/bridge';

/** Every audit-log query starts with this key; whatever writes to the log invalidates it. */
export const auditListKey = ['audit.list'] as const;

export function useAuditList(filter: AuditFilter) {
  return useQuery({
    queryKey: [...auditListKey, filter],
    queryFn: () => invoke('audit.list', filter),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useVerifyAudit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => invoke('audit.verify', {}),
    // Verification records itself ('audit.verified'): show that entry.
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}

export function useExportAuditCsv() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (filter: AuditFilter) => invoke('audit.exportCsv', filter),
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}
