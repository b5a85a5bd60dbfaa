/**
 * The result view of one finished erasure (10-1, issue 19): how it ended — read from the
 * vault, where the result is kept exactly as measured until its certificate is issued — then
 * the site administrator's name, the statement they confirm and their countersignature, and
 * one action that issues the signed certificate and saves its PDF where the engineer chooses
 * (the save dialog every other document uses). Nothing on this view edits the result: what is
 * signed is what was measured. Leaving it before issuing loses nothing: the Erasure screen
 * lists the result until it is issued. A whole device's result names the device and says how it
 * ended as the whole-medium part of the screen does; its certificate is linked to the ledger item
 * of the device's serial, and the view says so.
 */
import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ErasedDevice, PendingErasureResult } from '@shared/erasure';
import { formatBytes } from '@shared/format-bytes';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { ErrorState } from '../../components/ErrorState';
import { SignaturePad } from '../../components/SignaturePad';
import { deviceName } from './device-name';
import { useErasureStyles } from './erasure-styles';
import { useIssueAndSaveErasureCertificate } from './use-erasure';
import { OpenFolderButton } from '../../components/SavePdf';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0, wordBreak: 'break-word' },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(480px, 100%), 1fr))',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  statement: { fontWeight: tokens.fontWeightSemibold },
});

export interface ErasureResultProps {
  readonly result: PendingErasureResult;
  /** What a whole-medium erasure unmounted before writing, when it has just ended here. */
  readonly unmounted?: readonly string[];
  readonly onClose: () => void;
}

/** How a whole device's erasure ended, in the words the whole-medium part of the screen uses. */
function deviceOutcomeKey(device: ErasedDevice) {
  if (!device.erased) return 'wholeMedium.result.notErased' as const;
  return device.technique === 'overwrite' ? ('wholeMedium.result.erased' as const) : ('wholeMedium.result.sanitized' as const);
}

export function ErasureResult({ result, unmounted = [], onClose }: ErasureResultProps) {
  const shared = useErasureStyles();
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { summary, site, device } = result;
  const [signerName, setSignerName] = useState(site.administrator);
  const [signature, setSignature] = useState<string | null>(null);
  const issue = useIssueAndSaveErasureCertificate();
  const issued = issue.issued;

  const facts: Array<[string, string]> = [
    ...(device
      ? [
          [
            t('erasure.resultView.device'),
            t('erasure.resultView.deviceValue', {
              name: deviceName(device),
              serial: device.serial ?? t('erasure.resultView.serialNotReported'),
              size: device.sizeBytes === null ? '—' : formatBytes(device.sizeBytes, language),
            }),
          ] as [string, string],
        ]
      : []),
    [t('erasure.site.hospital'), [site.hospital, site.department].filter(Boolean).join(' ') || '—'],
    [t('erasure.site.administrator'), site.administrator || '—'],
    [t('erasure.site.reference'), site.reference || '—'],
    [t('erasure.resultView.finishedAt'), formatDateTime(result.finishedAt, language)],
  ];

  const factList = (
    <dl className={styles.facts}>
      {facts.map(([term, detail]) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{detail}</dd>
        </div>
      ))}
    </dl>
  );

  return (
    <section className={shared.section} aria-labelledby="erasure-result-heading" data-testid="erasure-result">
      <Subtitle1 as="h2" id="erasure-result-heading">
        {t('erasure.result.title')}
      </Subtitle1>
      {device ? (
        <MessageBar intent={device.erased ? 'success' : 'warning'} layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>{t(deviceOutcomeKey(device))}</MessageBarTitle>
            {t('wholeMedium.result.numbers', {
              verified: formatBytes(summary.bytesVerified, language),
              badSectors: device.badSectors ?? '—',
            })}
            {unmounted.length > 0 && <> {t('wholeMedium.result.unmounted', { mounts: unmounted.join(', ') })}</>}
          </MessageBarBody>
        </MessageBar>
      ) : (
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
      )}
      {issued === null ? (
        // Side by side, so that on a 1366×768 laptop 発行して PDF を保存 is in sight under the signature.
        <div className={styles.columns}>
          <div className={styles.column}>
            {factList}
            <Text>{t('erasure.resultView.kept')}</Text>
            <Text>{t('erasure.signature.intro')}</Text>
          </div>
          <div className={styles.column}>
            <Field label={t('erasure.resultView.signerName')} hint={t('erasure.resultView.signerHint')}>
              <Input value={signerName} maxLength={100} onChange={(_e, d) => setSignerName(d.value)} autoComplete="off" />
            </Field>
            <Text className={styles.statement} id="erasure-result-statement">
              {t('erasure.resultView.statement')}
            </Text>
            <SignaturePad onChange={setSignature} />
            <div className={shared.actions}>
              <Button
                appearance="primary"
                icon={issue.isPending ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
                disabledFocusable={issue.isPending}
                aria-describedby="erasure-result-statement"
                onClick={() =>
                  issue.run({ erasureJobId: summary.erasureJobId, countersignature: signature, signerName: signerName.trim() })
                }
              >
                {issue.isPending ? t('erasure.resultView.issuing') : t('erasure.resultView.issueAndSave')}
              </Button>
              <Button onClick={onClose} disabled={issue.isPending}>
                {t('erasure.resultView.later')}
              </Button>
            </div>
          </div>
        </div>
      ) : (
        <>
          {factList}
          <MessageBar intent={issued.saved ? 'success' : 'info'} role="status" data-testid="erasure-certificate-issued">
            <MessageBarBody>
              {t(issued.saved ? 'erasure.resultView.saved' : 'erasure.resultView.notSaved', { number: issued.number })}
              {issued.ledgerItem !== null && <> {t('wholeMedium.certificate.ledger', { label: issued.ledgerItem })}</>}
            </MessageBarBody>
          </MessageBar>
          <div className={shared.actions}>
            {issued.saved && issued.file && <OpenFolderButton file={issued.file} />}
            {!issued.saved && (
              <Button
                appearance="primary"
                icon={issue.isPending ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
                disabledFocusable={issue.isPending}
                onClick={() => issue.saveAgain()}
              >
                {t('erasure.resultView.save')}
              </Button>
            )}
            <Button onClick={onClose} disabled={issue.isPending}>
              {t('erasure.resultView.close')}
            </Button>
          </div>
        </>
      )}
      {issue.error !== null && <ErrorState error={issue.error} />}
    </section>
  );
}
