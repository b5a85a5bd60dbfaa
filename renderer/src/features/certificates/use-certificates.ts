/**
 * The certificates feature's data (issue 13): the certificates issued, the company roots this
 * vault trusts, the CRLs it imports, and the engineer's own signing certificate with its
 * enrollment. What each change makes stale (the roots, the signing certificate, the audit log)
 * is declared with its channel in `@shared/ipc/cache-effects`.
 */
import { useChannelMutation, useChannelQuery } from '../../lib/use-channel';

export function useCertificatesList() {
  return useChannelQuery('certificates.list', {});
}

export function useTrustedRoots() {
  return useChannelQuery('certificates.trustedRoots', {});
}

/** Opens the file dialog and reads the root in the file picked; nothing is trusted yet. */
export function usePreviewRoot() {
  return useChannelMutation('certificates.previewRoot', (send) => send({}));
}

/** Trusts the previewed root when the fingerprint typed from the contract is the root's own. */
export function useTrustRoot() {
  return useChannelMutation('certificates.trustRoot', (send, request: { token: string; fingerprint: string }) => send(request));
}

export function useUntrustRoot() {
  return useChannelMutation('certificates.untrustRoot', (send, fingerprint: string) => send({ fingerprint }));
}

export function useImportRevocationList() {
  return useChannelMutation('certificates.importRevocationList', (send) => send({}));
}

export function useEngineerCertificate() {
  return useChannelQuery('certificates.engineerCertificate', {});
}

export function useCreateEnrollmentRequest() {
  return useChannelMutation('certificates.createEnrollmentRequest', (send) => send({}));
}

/** Imports the security office's reply: the new certificate signs from now on, and the company's root becomes trusted. */
export function useImportEnrollmentReply() {
  return useChannelMutation('certificates.importEnrollmentReply', (send) => send({}));
}

/** Checks a signed PDF someone received; nothing the screens keep changes. */
export function useVerifyFile() {
  return useChannelMutation('certificates.verifyFile', (send) => send({}));
}

/** Saves a signed certificate's PDF where the engineer picks (the one save every flow shares, components/SavePdf). */
export { useSavePdf as useExportCertificate } from '../../components/save-pdf-channels';
