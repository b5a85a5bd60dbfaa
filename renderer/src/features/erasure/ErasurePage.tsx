/**
 * The Erasure screen (10-1, E.3 b–d): choose what to erase — files or folders in a native
 * dialog, or a removable medium from the volume list — choose the method, say where the work
 * was done, confirm by typing the number of files, watch the progress (cancel at any time),
 * then have the site administrator countersign and issue the signed certificate.
 */
import { useState } from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody,
  MessageBarTitle, Radio, RadioGroup, Select, Subtitle1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { Delete20Regular, DocumentAdd20Regular, FolderAdd20Regular, UsbStick20Regular, Vault20Regular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { erasureMethods, type ErasureMethod, type ErasureSummary, type MediumAfter, type SiteDetails } from '@shared/erasure';
import { formatBytes } from '@shared/format-bytes';
import type { Language } from '@shared/locale';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { invoke } from '../../lib/bridge';
import { useJob } from '../../lib/use-job';
import { useVolumes } from '../system/use-system';
import { TransferProgress } from '../vault-files/TransferProgress';
import { SignaturePad } from '../../components/SignaturePad';
import { WholeMediumErasure } from './WholeMediumErasure';
import { InterruptedErasures, interruptedKey } from './InterruptedErasures';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '960px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(240px, 1fr))', gap: tokens.spacingHorizontalL },
  numeric: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

const targetsKey = ['erasure.targets'] as const;

export function ErasurePage() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const client = useQueryClient();
  const targets = useQuery({ queryKey: targetsKey, queryFn: () => invoke('erasure.targets', {}) });
  const volumes = useVolumes();
  const setTargets = (value: { targets: unknown[] }) => client.setQueryData(targetsKey, value);
  const addTargets = useMutation({ mutationFn: (pick: 'files' | 'folder') => invoke('erasure.addTargets', { pick }), onSuccess: setTargets });
  const addVolume = useMutation({ mutationFn: (mount: string) => invoke('erasure.addVolume', { mount }), onSuccess: setTargets });
  const vaultItems = useQuery({ queryKey: ['vault.items.list', 'erasure'], queryFn: () => invoke('vault.items.list', {}) });
  const collections = [...new Set((vaultItems.data?.items ?? []).map((item) => item.collection))];
  // A visit's screen links here with its vault folder (`#/erasure?collection=V-…`): it is chosen already.
  const [searchParams] = useSearchParams();
  const [collection, setCollection] = useState(() => searchParams.get('collection') ?? '');
  const addCollection = useMutation({ mutationFn: (name: string) => invoke('erasure.addVaultCollection', { collection: name }), onSuccess: setTargets });
  const removeTarget = useMutation({ mutationFn: (id: string) => invoke('erasure.removeTarget', { id }), onSuccess: setTargets });
  const [method, setMethod] = useState<ErasureMethod>('random-verify');
  const [site, setSite] = useState<SiteDetails>({ hospital: '', department: '', administrator: '', reference: '' });
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [summary, setSummary] = useState<ErasureSummary | null>(null);
  const [signature, setSignature] = useState<string | null>(null);
  const job = useJob();
  const start = useMutation({
    mutationFn: () => job.run((jobId) => invoke('erasure.start', { jobId, method, site, confirmation: typed })),
    onSuccess: ({ result }) => {
      setSummary(result);
      void client.invalidateQueries({ queryKey: targetsKey });
      void client.invalidateQueries({ queryKey: ['vault.items.list'] });
    },
  });
  const resume = useMutation({
    mutationFn: (erasureJobId: string) => job.run((jobId) => invoke('erasure.resume', { jobId, erasureJobId })),
    onSuccess: ({ result }) => {
      setSummary(result);
      void client.invalidateQueries({ queryKey: interruptedKey });
    },
  });
  const issue = useMutation({
    mutationFn: (erasureJobId: string) => invoke('erasure.issueCertificate', { erasureJobId, countersignature: signature }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['certificates.list'] }),
  });

  const list = targets.data?.targets ?? [];
  const files = list.reduce((sum, target) => sum + target.files, 0);
  const bytes = list.reduce((sum, target) => sum + target.bytes, 0);
  const removable = (volumes.data?.volumes ?? []).filter((v) => v.removable === true);
  const canStart = list.length > 0 && site.hospital.trim() !== '' && !job.current;

  return (
    <>
      <PageHeading>{t('erasure.title')}</PageHeading>
      <InterruptedErasures busy={!!job.current} onResume={(erasureJobId) => resume.mutate(erasureJobId)} onAbandoned={setSummary} />

      {job.current && <TransferProgress kind="erase" job={job.current} onCancel={job.cancel} />}
      {(start.isError || resume.isError) && <ErrorState error={start.error ?? resume.error} />}

      {summary && (
        <section className={styles.section} aria-labelledby="erasure-result-heading">
          <Subtitle1 as="h2" id="erasure-result-heading">{t('erasure.result.title')}</Subtitle1>
          <MessageBar intent={summary.status === 'erased' ? 'success' : 'warning'} layout="multiline" role="status">
            <MessageBarBody>
              <MessageBarTitle>{t(`erasure.result.status.${summary.status}`)}</MessageBarTitle>
              {t('erasure.result.counts', {
                files: summary.filesErased,
                exceptions: summary.exceptions,
                notErased: summary.notErased,
                verified: formatBytes(summary.bytesVerified, language),
              })}
            </MessageBarBody>
          </MessageBar>
          <Text>{t('erasure.signature.intro')}</Text>
          <SignaturePad onChange={setSignature} />
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => issue.mutate(summary.erasureJobId)} disabled={issue.isPending || !!issue.data}>
              {issue.isPending ? t('erasure.certificate.issuing') : t('erasure.certificate.issue')}
            </Button>
          </div>
          {issue.isError && <ErrorState error={issue.error} />}
          {issue.data && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{t('erasure.certificate.issued', { number: issue.data.number })}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}

      <section className={styles.section} aria-labelledby="erasure-targets-heading">
        <Subtitle1 as="h2" id="erasure-targets-heading">{t('erasure.targets.title')}</Subtitle1>
        <div className={styles.actions}>
          <Button icon={<DocumentAdd20Regular />} onClick={() => addTargets.mutate('files')}>{t('erasure.targets.addFiles')}</Button>
          <Button icon={<FolderAdd20Regular />} onClick={() => addTargets.mutate('folder')}>{t('erasure.targets.addFolder')}</Button>
          {removable.map((volume) => (
            <Button key={volume.mount} icon={<UsbStick20Regular />} onClick={() => addVolume.mutate(volume.mount)}>
              {t('erasure.targets.addVolume', { mount: volume.mount, size: formatBytes(volume.sizeBytes, language) })}
            </Button>
          ))}
        </div>
        {collections.length > 0 && (
          <div className={styles.actions}>
            <Field label={t('erasure.targets.vaultCollection')}>
              <Select value={collection} onChange={(_e, d) => setCollection(d.value)}>
                <option value="">{t('erasure.targets.chooseCollection')}</option>
                {collections.map((name) => (
                  <option key={name} value={name}>{name}</option>
                ))}
              </Select>
            </Field>
            <Button icon={<Vault20Regular />} disabled={!collection} onClick={() => addCollection.mutate(collection)} style={{ alignSelf: 'flex-end' }}>
              {t('erasure.targets.addCollection')}
            </Button>
          </div>
        )}
        {(addTargets.isError || addVolume.isError || addCollection.isError) && <ErrorState error={addTargets.error ?? addVolume.error ?? addCollection.error} />}
        {list.length === 0 ? (
          <Text role="status">{t('erasure.targets.empty')}</Text>
        ) : (
          <Table aria-labelledby="erasure-targets-heading" data-testid="erasure-targets">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('erasure.targets.columns.target')}</TableHeaderCell>
                <TableHeaderCell>{t('erasure.targets.columns.kind')}</TableHeaderCell>
                <TableHeaderCell className={styles.numeric}>{t('erasure.targets.columns.files')}</TableHeaderCell>
                <TableHeaderCell className={styles.numeric}>{t('erasure.targets.columns.bytes')}</TableHeaderCell>
                <TableHeaderCell>{t('erasure.targets.columns.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((target) => (
                <TableRow key={target.id}>
                  <TableCell>{target.label}</TableCell>
                  <TableCell>{t(`erasure.targets.kinds.${target.kind}`)}</TableCell>
                  <TableCell className={styles.numeric}>{target.files}</TableCell>
                  <TableCell className={styles.numeric}>{formatBytes(target.bytes, language)}</TableCell>
                  <TableCell>
                    <Button size="small" icon={<Delete20Regular />} aria-label={t('erasure.targets.remove', { target: target.label })} onClick={() => removeTarget.mutate(target.id)} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section className={styles.section} aria-labelledby="erasure-method-heading">
        <Subtitle1 as="h2" id="erasure-method-heading">{t('erasure.method.title')}</Subtitle1>
        <RadioGroup aria-labelledby="erasure-method-heading" value={method} onChange={(_e, d) => setMethod(d.value as ErasureMethod)}>
          {erasureMethods.map((m) => (
            <Radio key={m} value={m} label={t(`erasure.method.${m}`)} />
          ))}
        </RadioGroup>
        <Text size={200}>{t('erasure.method.note')}</Text>
      </section>

      <section className={styles.section} aria-labelledby="erasure-site-heading">
        <Subtitle1 as="h2" id="erasure-site-heading">{t('erasure.site.title')}</Subtitle1>
        <div className={styles.fields}>
          {(['hospital', 'department', 'administrator', 'reference'] as const).map((field) => (
            <Field key={field} label={t(`erasure.site.${field}`)} required={field === 'hospital'}>
              <Input value={site[field]} onChange={(_e, d) => setSite({ ...site, [field]: d.value })} />
            </Field>
          ))}
          <Field label={t('erasure.site.mediumAfter')}>
            <Select
              value={site.mediumAfter ?? ''}
              onChange={(_e, d) => setSite({ ...site, mediumAfter: d.value === '' ? undefined : (d.value as MediumAfter) })}
            >
              {(['', 'returned', 'reused', 'disposed', 'kept'] as const).map((value) => (
                <option key={value} value={value}>{t(`erasure.site.mediumAfterOptions.${value}`)}</option>
              ))}
            </Select>
          </Field>
        </div>
        <div className={styles.actions}>
          <Button appearance="primary" disabled={!canStart} onClick={() => { setTyped(''); setConfirming(true); }}>
            {t('erasure.start')}
          </Button>
        </div>
      </section>

      <WholeMediumErasure method={method} site={site} />

      <Dialog open={confirming} onOpenChange={(_e, d) => setConfirming(d.open)} modalType="alert">
        <DialogSurface>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setConfirming(false);
              setSummary(null);
              issue.reset();
              start.mutate();
            }}
          >
            <DialogBody>
              <DialogTitle>{t('erasure.confirm.title', { count: files })}</DialogTitle>
              <DialogContent>
                <Text block>{t('erasure.confirm.body', { count: files, bytes: formatBytes(bytes, language) })}</Text>
                <Field label={t('erasure.confirm.type', { count: files })} required>
                  <Input value={typed} onChange={(_e, d) => setTyped(d.value)} inputMode="numeric" autoFocus />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button onClick={() => setConfirming(false)}>{t('erasure.confirm.cancel')}</Button>
                <Button type="submit" appearance="primary" disabled={typed.normalize('NFKC').trim() !== String(files)}>
                  {t('erasure.confirm.submit')}
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </>
  );
}
