/**
 * What a certificate check found, said plainly (issue 13): one of the three honest answers —
 * 「正規」, 「改ざんなし・発行者未確認」, 「不正」 — as the headline; the document; who signed it
 * (from the signing certificate: name, company, employee id, serial, issuer, validity,
 * fingerprint); the company root the signature leads to, or 「会社の認証なし」; where the
 * signing time comes from (the laptop's clock, not verified, or a timestamp authority); and
 * each check, a failed one with its reason. Every state has an icon and a word, never
 * colour alone.
 */
import type { ReactElement, ReactNode } from 'react';
import { Badge, Body1Strong, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, DismissCircle16Filled, ShieldError16Regular, Warning16Filled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { issuerUnconfirmedProblems, type CertificateVerification, type SigningTime } from '@shared/certificates';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { FactList } from '../../components/FactList';
import { commonName } from './certificate-text';
import { Fingerprint } from './Fingerprint';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60em' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  checks: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  check: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, marginTop: '2px' },
  warn: { color: tokens.colorStatusWarningForeground1, flexShrink: 0, marginTop: '2px' },
  bad: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: '2px' },
  uncertified: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
});

const INTENT = { genuine: 'success', 'issuer-unconfirmed': 'warning', 'not-genuine': 'error', unreadable: 'error' } as const;

type CheckState = 'ok' | 'unconfirmed' | 'failed';

function stateOf(check: CertificateVerification['checks'][number]): CheckState {
  if (check.ok) return 'ok';
  return check.reason && issuerUnconfirmedProblems.includes(check.reason) ? 'unconfirmed' : 'failed';
}

export function VerificationResult({ fileName, result }: { fileName: string; result: CertificateVerification }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const date = (iso: string) => formatDateTime(iso, language);
  const timeSource = (time: SigningTime) =>
    time.source === 'timestamp'
      ? t('certificates.verify.time.timestamp', { authority: time.authority || t('certificates.verify.time.unnamedAuthority') })
      : t('certificates.verify.time.laptopClock');

  const document: Array<[string, string]> = [[t('certificates.verify.file'), fileName]];
  if (result.number) document.push([t('certificates.columns.number'), result.number]);
  if (result.kind) document.push([t('certificates.columns.kind'), t(`certificates.kinds.${result.kind}`)]);
  if (result.signingTime) {
    document.push([t('certificates.verify.time.signedAt'), date(result.signingTime.at)]);
    document.push([t('certificates.verify.time.source'), timeSource(result.signingTime)]);
  }
  (result.documentTimestamps ?? []).forEach((stamp, index, all) => {
    const term =
      all.length > 1
        ? t('certificates.verify.time.documentTimestampNumbered', { number: index + 1 })
        : t('certificates.verify.time.documentTimestamp');
    document.push([term, t('certificates.verify.time.stamped', { time: date(stamp.at), source: timeSource(stamp) })]);
  });

  const signer = result.signer;
  const signerFacts: Array<[string, ReactNode]> = signer
    ? [
        [t('certificates.verify.signer.name'), signer.name || '—'],
        [t('certificates.verify.signer.company'), signer.company || '—'],
        [t('certificates.verify.signer.employeeId'), signer.employeeId || '—'],
        [t('certificates.verify.signer.serialNumber'), signer.serialNumber],
        [
          t('certificates.verify.signer.issuer'),
          result.companyCertified ? commonName(signer.issuer) : t('certificates.verify.signer.selfSigned'),
        ],
        [
          t('certificates.verify.signer.validity'),
          t('certificates.verify.signer.validityValue', { from: date(signer.notBefore), to: date(signer.notAfter) }),
        ],
        [t('certificates.verify.signer.fingerprint'), <Fingerprint key="signer" value={signer.fingerprint} />],
      ]
    : [];

  const icons: Record<CheckState, ReactElement> = {
    ok: <CheckmarkCircle16Filled className={styles.ok} aria-hidden />,
    unconfirmed: <Warning16Filled className={styles.warn} aria-hidden />,
    failed: <DismissCircle16Filled className={styles.bad} aria-hidden />,
  };
  // For answer 2, why the issuer is not confirmed: no company certificate at all, or a company this laptop does not trust.
  const explainKey =
    result.status === 'issuer-unconfirmed'
      ? result.companyCertified
        ? 'issuer-unconfirmed-untrusted'
        : 'issuer-unconfirmed-uncertified'
      : result.status;

  return (
    <section
      className={styles.root}
      aria-label={t('certificates.verify.resultTitle')}
      data-testid="verification-result"
      data-status={result.status}
    >
      <MessageBar intent={INTENT[result.status]} layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>{t(`certificates.verify.status.${result.status}`)}</MessageBarTitle>
          {t(`certificates.verify.explain.${explainKey}`, { root: result.root ? commonName(result.root.name) : '' })}
        </MessageBarBody>
      </MessageBar>
      <FactList facts={document} />

      {signer && (
        <div className={styles.group}>
          <Body1Strong as="h3" className={styles.heading} id="verification-signer-heading">
            {t('certificates.verify.signer.title')}
          </Body1Strong>
          <FactList facts={signerFacts} />
        </div>
      )}

      {result.status !== 'unreadable' && (
        <div className={styles.group} data-testid="verification-root">
          <Body1Strong as="h3" className={styles.heading}>
            {t('certificates.verify.root.title')}
          </Body1Strong>
          {result.root ? (
            <FactList
              facts={[
                [t('certificates.verify.root.name'), commonName(result.root.name)],
                [t('certificates.verify.root.fingerprint'), <Fingerprint key="root" value={result.root.fingerprint} />],
              ]}
            />
          ) : !result.companyCertified ? (
            <div className={styles.uncertified}>
              <Badge appearance="tint" shape="rounded" color="warning" icon={<ShieldError16Regular />}>
                {t('certificates.notCertified')}
              </Badge>
              <Text>{t('certificates.verify.root.notCertified')}</Text>
            </div>
          ) : (
            // Certified by some company: either a company this laptop does not trust (answer 2), or a chain that failed (answer 3, see the checks).
            <Text>
              {t(result.status === 'issuer-unconfirmed' ? 'certificates.verify.root.notTrusted' : 'certificates.verify.root.notConfirmed')}
            </Text>
          )}
        </div>
      )}

      {result.checks.length > 0 && (
        <div className={styles.group}>
          <Body1Strong as="h3" className={styles.heading} id="verification-checks-heading">
            {t('certificates.verify.checksTitle')}
          </Body1Strong>
          <ul className={styles.checks} aria-labelledby="verification-checks-heading">
            {result.checks.map((check) => {
              const state = stateOf(check);
              return (
                <li key={check.check} className={styles.check} data-check={check.check} data-state={state}>
                  {icons[state]}
                  <Text>
                    {t('certificates.verify.checkLine', {
                      check: t(`certificates.verify.checks.${check.check}`),
                      result: t(`certificates.verify.checkState.${state}`),
                    })}
                    {check.reason && <> — {t(`errors.${check.reason}`)}</>}
                  </Text>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {result.status === 'unreadable' && result.problem && <Text>{t(`errors.${result.problem}`)}</Text>}
    </section>
  );
}
