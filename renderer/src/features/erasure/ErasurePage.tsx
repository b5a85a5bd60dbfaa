/**
 * The Erasure screen (10-1, E.3 b–d): choose what to erase — files or folders in a native
 * dialog, or a removable medium from the volume list — choose the method, say where the work
 * was done, confirm by typing the number of files, watch the progress (cancel at any time),
 * then have the site administrator countersign and issue the signed certificate. 消去を開始 is
 * in a bar at the top of the form (ErasureStartBar), in sight on a 1366×768 laptop. Each finished
 * result is kept in the vault until its certificate is issued (issue 19): the run that just ended
 * opens in the result view, in place of the form, and results left behind are listed above it —
 * a whole device's too, erased from its own tab (媒体全体), whose device list and button come
 * first there; the method and the site below are the same answers for both tabs.
 * The data is in use-erasure.ts; each part of the screen is a component of its own.
 */
import { useState } from 'react';
import { Radio, RadioGroup, Subtitle1, Tab, TabList, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { erasureMethods, type ErasureMethod, type ErasureSummary, type PendingErasureResult, type SiteDetails } from '@shared/erasure';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { useJob } from '../../lib/use-job';
import { TransferProgress } from '../vault-files/TransferProgress';
import { FromVisitNote } from '../visits/FromVisitNote';
import { useSiteOfVisit } from '../visits/use-site-of-visit';
import { ConfirmErasureDialog } from './ConfirmErasureDialog';
import { ErasureResult } from './ErasureResult';
import { ErasureStartBar } from './ErasureStartBar';
import { ErasureTargets } from './ErasureTargets';
import { useErasureStyles } from './erasure-styles';
import { InterruptedErasures } from './InterruptedErasures';
import { PendingErasureResults } from './PendingErasureResults';
import { SiteFields } from './SiteFields';
import { useErasureTargets, usePendingErasureResults, useResumeErasure, useStartErasure } from './use-erasure';
import { WholeMediumErasure } from './WholeMediumErasure';

const ERASURE_SCOPES = ['files', 'device'] as const;
type ErasureScope = (typeof ERASURE_SCOPES)[number];

export function ErasurePage() {
  const styles = useErasureStyles();
  const { t } = useTranslation();
  const targets = useErasureTargets();
  const [method, setMethod] = useState<ErasureMethod>('random-verify');
  const [site, setSite] = useState<SiteDetails>({ hospital: '', department: '', administrator: '', reference: '' });
  // Opened from a visit: its site, administrator and visit number are filled in once, while the fields are still empty.
  const fromVisit = useSiteOfVisit();
  const [filledFor, setFilledFor] = useState<string | null>(null);
  if (fromVisit && filledFor !== fromVisit.reference) {
    setFilledFor(fromVisit.reference);
    if (site.hospital === '' && site.reference === '') setSite({ ...site, ...fromVisit });
  }
  const [confirming, setConfirming] = useState(false);
  // In the address (`?scope=device`), so that the tab stays through a reload or a change of language.
  const [params, setParams] = useSearchParams();
  const scope: ErasureScope = params.get('scope') === 'device' ? 'device' : 'files';
  const setScope = (next: ErasureScope) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === 'device') updated.set('scope', 'device');
        else updated.delete('scope');
        return updated;
      },
      { replace: true },
    );
  const pending = usePendingErasureResults();
  // The result open in the result view: the run that just ended, or one the engineer opened from the list.
  const [openId, setOpenId] = useState<string | null>(null);
  // What was last read of it, so that it stays on screen once issued (when it leaves the pending list).
  const [lastRead, setLastRead] = useState<PendingErasureResult | null>(null);
  const listed = pending.data?.results.find((r) => r.summary.erasureJobId === openId);
  if (listed && listed !== lastRead) setLastRead(listed);
  const opened = listed ?? (lastRead?.summary.erasureJobId === openId ? lastRead : null);
  // What a whole-medium erasure unmounted before its first write: said once, when its result opens (the journal does not keep it).
  const [unmounted, setUnmounted] = useState<{ erasureJobId: string; mounts: readonly string[] } | null>(null);
  const job = useJob();
  const start = useStartErasure(job);
  const resume = useResumeErasure(job);
  const finished = { onSuccess: ({ result }: { result: ErasureSummary }) => setOpenId(result.erasureJobId) };

  const list = targets.data?.targets ?? [];
  const files = list.reduce((sum, target) => sum + target.files, 0);
  const bytes = list.reduce((sum, target) => sum + target.bytes, 0);
  const canStart = list.length > 0 && site.hospital.trim() !== '';

  return (
    <>
      <PageHeading>{t('erasure.title')}</PageHeading>
      <InterruptedErasures
        busy={!!job.current}
        onResume={(erasureJobId) => resume.mutate(erasureJobId, finished)}
        onAbandoned={(summary) => setOpenId(summary.erasureJobId)}
      />

      {job.current && <TransferProgress kind="erase" job={job.current} onCancel={job.cancel} />}
      {(start.isError || resume.isError) && <ErrorState error={start.error ?? resume.error} />}

      <PendingErasureResults openId={opened?.summary.erasureJobId ?? null} onOpen={(result) => setOpenId(result.summary.erasureJobId)} />

      {/* Keyed by the job: each result starts unsigned, with no certificate yet. The form is not shown under it. */}
      {opened ? (
        <ErasureResult
          key={opened.summary.erasureJobId}
          result={opened}
          unmounted={unmounted?.erasureJobId === opened.summary.erasureJobId ? unmounted.mounts : []}
          onClose={() => setOpenId(null)}
        />
      ) : (
        <>
          {/* Files and folders, or a whole device: one tab each, so that either's action is in sight at the top. */}
          <TabList
            className={styles.tabs}
            selectedValue={scope}
            onTabSelect={(_event, data) => setScope(data.value as ErasureScope)}
            aria-label={t('erasure.scope.label')}
          >
            {ERASURE_SCOPES.map((value) => (
              <Tab key={value} value={value} id={`erasure-tab-${value}`} aria-controls={`erasure-panel-${value}`}>
                {t(`erasure.scope.${value}`)}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" id="erasure-panel-files" aria-labelledby="erasure-tab-files" hidden={scope !== 'files'}>
            <ErasureStartBar files={files} bytes={bytes} ready={canStart} busy={!!job.current} onStart={() => setConfirming(true)} />
            <ErasureTargets targets={list} />
          </div>
          <div role="tabpanel" id="erasure-panel-device" aria-labelledby="erasure-tab-device" hidden={scope !== 'device'}>
            {scope === 'device' && (
              <WholeMediumErasure
                method={method}
                site={site}
                onFinished={(result) => {
                  setUnmounted({ erasureJobId: result.erasureJobId, mounts: result.unmounted });
                  setOpenId(result.erasureJobId);
                }}
              />
            )}
          </div>

          <section className={styles.section} aria-labelledby="erasure-method-heading">
            <Subtitle1 as="h2" id="erasure-method-heading">
              {t('erasure.method.title')}
            </Subtitle1>
            <RadioGroup aria-labelledby="erasure-method-heading" value={method} onChange={(_e, d) => setMethod(d.value as ErasureMethod)}>
              {erasureMethods.map((m) => (
                <Radio key={m} value={m} label={t(`erasure.method.${m}`)} />
              ))}
            </RadioGroup>
            <Text size={200}>{t('erasure.method.note')}</Text>
          </section>

          <section className={styles.section} aria-labelledby="erasure-site-heading">
            <Subtitle1 as="h2" id="erasure-site-heading">
              {t('erasure.site.title')}
            </Subtitle1>
            {fromVisit && <FromVisitNote visit={fromVisit} />}
            <SiteFields site={site} onChange={setSite} />
          </section>
        </>
      )}

      {confirming && (
        <ConfirmErasureDialog
          files={files}
          bytes={bytes}
          onCancel={() => setConfirming(false)}
          onConfirm={(confirmation) => {
            setConfirming(false);
            setOpenId(null);
            start.mutate({ method, site, confirmation }, finished);
          }}
        />
      )}
    </>
  );
}
