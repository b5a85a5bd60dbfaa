/**
 * The erasure feature's data, as the other features keep theirs in one hook module: the
 * targets chosen (handles the main process keeps; the renderer never names a path), the
 * vault folders that can be added, the run under a job id, the interrupted jobs, the results
 * kept until their certificate is issued, the certificate issued and saved as a PDF, and the
 * whole-medium erasure's devices, run, access grant and certificate.
 * What each call makes stale is declared with its channel in `@shared/ipc/cache-effects`.
 */
import { useState } from 'react';
import type { RequestOf } from '@shared/contract';
import type { ErasureMethod, SiteDetails } from '@shared/erasure';
import type { DeviceChoice, DeviceErasureSummary, WholeMediumTechnique } from '@shared/whole-medium';
import { useChannelMutation, useChannelQuery } from '../../lib/use-channel';
import type { Job } from '../../lib/use-job';
import { useExportCertificate } from '../certificates/use-certificates';
import { useVaultItems } from '../vault-files/use-vault-items';
import type { SavedFile } from '@shared/app';

export function useErasureTargets() {
  return useChannelQuery('erasure.targets', {});
}

/** Adding files, a folder, a removable volume or a vault folder, and removing a target: each answers with, and changes, the targets. */
export function useTargetChanges() {
  return {
    addTargets: useChannelMutation('erasure.addTargets', (send, pick: 'files' | 'folder') => send({ pick })),
    addVolume: useChannelMutation('erasure.addVolume', (send, mount: string) => send({ mount })),
    addCollection: useChannelMutation('erasure.addVaultCollection', (send, collection: string) => send({ collection })),
    removeTarget: useChannelMutation('erasure.removeTarget', (send, id: string) => send({ id })),
  };
}

/** The vault's folders (a visit's is named by its reference), in the order first seen. */
export function useVaultCollections(): readonly string[] {
  const items = useVaultItems();
  return [...new Set((items.data?.items ?? []).map((item) => item.collection))];
}

export interface ErasureStart {
  readonly method: ErasureMethod;
  readonly site: SiteDetails;
  /** The number of files, typed by the engineer. */
  readonly confirmation: string;
}

export function useStartErasure(job: Job) {
  return useChannelMutation('erasure.start', (send, start: ErasureStart) => job.run((jobId) => send({ jobId, ...start })));
}

export function useResumeErasure(job: Job) {
  return useChannelMutation('erasure.resume', (send, erasureJobId: string) => job.run((jobId) => send({ jobId, erasureJobId })));
}

export function useInterruptedErasures() {
  return useChannelQuery('erasure.interrupted', {});
}

export function useAbandonErasure() {
  return useChannelMutation('erasure.abandon', (send, request: RequestOf<'erasure.abandon'>) => send(request));
}

export function useIssueErasureCertificate() {
  return useChannelMutation('erasure.issueCertificate', (send, request: RequestOf<'erasure.issueCertificate'>) => send(request));
}

/** Finished erasures whose certificate is not issued yet: kept in the vault, listed until issued. */
export function usePendingErasureResults() {
  return useChannelQuery('erasure.pendingResults', {});
}

export interface IssuedErasureCertificate {
  readonly certificateId: string;
  readonly number: string;
  /** Whether its PDF was saved where the engineer chose (false when the save dialog was cancelled or failed). */
  readonly saved: boolean;
  /** The saved file, to open its folder; null until saved. */
  readonly file: SavedFile | null;
  /** For a whole device: the ledger item of its serial, now recorded as erased; null when none was linked. */
  readonly ledgerItem: string | null;
}

/**
 * 「発行して PDF を保存」 as one action: the certificate is issued, then its PDF saved through
 * the save dialog the Certificates screen uses (certificates.export). A cancelled or failed
 * save leaves the certificate issued — it is in the vault — and can be tried again.
 */
export function useIssueAndSaveErasureCertificate() {
  const issue = useIssueErasureCertificate();
  const save = useExportCertificate();
  const [issued, setIssued] = useState<IssuedErasureCertificate | null>(null);
  const saveCertificate = (certificate: Omit<IssuedErasureCertificate, 'saved' | 'file'>) =>
    save.mutate(certificate.certificateId, { onSuccess: ({ saved, file }) => setIssued({ ...certificate, saved, file }) });
  return {
    issued,
    isPending: issue.isPending || save.isPending,
    error: issue.error ?? save.error,
    run: (request: RequestOf<'erasure.issueCertificate'>) =>
      issue.mutate(request, {
        onSuccess: ({ certificateId, number, ledgerItem = null }) => {
          setIssued({ certificateId, number, saved: false, file: null, ledgerItem });
          saveCertificate({ certificateId, number, ledgerItem });
        },
      }),
    saveAgain: () => {
      if (issued) saveCertificate(issued);
    },
  };
}

export function useWholeMediumDevices() {
  return useChannelQuery('wholeMedium.devices', {});
}

export interface WholeMediumStart {
  readonly device: DeviceChoice;
  readonly chosenTechnique: WholeMediumTechnique;
  readonly method: ErasureMethod;
  readonly site: SiteDetails;
  /** The serial's last characters, or the device name, typed by the engineer. */
  readonly confirmation: string;
}

export function useEraseWholeMedium(job: Job, onErased: (start: WholeMediumStart, result: DeviceErasureSummary) => void) {
  // The result is shown from the hook's own onSuccess, the moment the erasure ends (not after the
  // lists are read again), also for the retry that follows an administrator grant.
  return useChannelMutation(
    'wholeMedium.erase',
    (send, { device, chosenTechnique, method, site, confirmation }: WholeMediumStart) =>
      job.run((jobId) => send({ jobId, deviceId: device.id, method, site, confirmation, technique: chosenTechnique })),
    { onSuccess: ({ result }, start) => onErased(start, result) },
  );
}

/** The OS's own administrator prompt, for the rights to open the device. */
export function useGrantDeviceAccess(onGranted: () => void) {
  // The erasure is tried again as soon as the OS grants the device, from the hook's own onSuccess
  // (before the lists are refreshed, and whether or not the notice is still mounted then).
  return useChannelMutation('wholeMedium.grantAccess', (send, request: RequestOf<'wholeMedium.grantAccess'>) => send(request), {
    onSuccess: ({ outcome }) => {
      if (outcome === 'granted') onGranted();
    },
  });
}
