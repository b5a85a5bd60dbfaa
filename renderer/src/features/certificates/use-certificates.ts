/**
 * The certificates feature's data (issue 13): the company roots this vault trusts, the CRLs
 * it imports, and the engineer's own signing certificate with its enrollment. Every change
 * is audited, and a change of trust or of the signing certificate changes what the
 * Certificates screen and Settings show, so the queries that depend on it are read again.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { EngineerCertificateStatus, TrustedRoot } from '@shared/certificates';
import { invoke } from '../../lib/bridge';
import { auditListKey } from '../audit/use-audit';

export const certificatesListKey = ['certificates.list'] as const;
export const trustedRootsKey = ['certificates.trustedRoots'] as const;
export const engineerCertificateKey = ['certificates.engineerCertificate'] as const;

function setRoots(client: QueryClient, roots: TrustedRoot[]): void {
  client.setQueryData(trustedRootsKey, { roots });
  void client.invalidateQueries({ queryKey: engineerCertificateKey });
}

export function useCertificatesList() {
  return useQuery({ queryKey: certificatesListKey, queryFn: () => invoke('certificates.list', {}) });
}

export function useTrustedRoots() {
  return useQuery({ queryKey: trustedRootsKey, queryFn: () => invoke('certificates.trustedRoots', {}) });
}

/** Opens the file dialog and reads the root in the file picked; nothing is trusted yet. */
export function usePreviewRoot() {
  return useMutation({ mutationFn: () => invoke('certificates.previewRoot', {}) });
}

/** Trusts the previewed root when the fingerprint typed from the contract is the root's own. */
export function useTrustRoot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: { token: string; fingerprint: string }) => invoke('certificates.trustRoot', request),
    onSuccess: (result) => setRoots(client, result.roots),
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}

export function useUntrustRoot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fingerprint: string) => invoke('certificates.untrustRoot', { fingerprint }),
    onSuccess: (result) => setRoots(client, result.roots),
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}

export function useImportRevocationList() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => invoke('certificates.importRevocationList', {}),
    onSuccess: () => void client.invalidateQueries({ queryKey: engineerCertificateKey }),
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}

export function useEngineerCertificate() {
  return useQuery({ queryKey: engineerCertificateKey, queryFn: () => invoke('certificates.engineerCertificate', {}) });
}

export function useCreateEnrollmentRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => invoke('certificates.createEnrollmentRequest', {}),
    onSuccess: () => void client.invalidateQueries({ queryKey: engineerCertificateKey }),
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}

/** Imports the security office's reply: the new certificate signs from now on, and the company's root becomes trusted. */
export function useImportEnrollmentReply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => invoke('certificates.importEnrollmentReply', {}),
    onSuccess: (result) => {
      if (result.status) client.setQueryData<EngineerCertificateStatus>(engineerCertificateKey, result.status);
      void client.invalidateQueries({ queryKey: trustedRootsKey });
    },
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}
