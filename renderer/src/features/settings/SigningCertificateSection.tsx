/**
 * The engineer's signing certificate (issue 13): whose it is, who issued it, its validity
 * and the days left. Without a company certificate every document this vault issues is
 * 「改ざんなし・発行者未確認」 to anyone who checks it, so that is said first, with what to do:
 * create an enrollment request (saved as a file for the company security office) and import
 * the office's reply. Thirty days before the end a warning asks for a new request. What is
 * still pending — requests not yet answered, documents waiting for a timestamp — is counted.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, ArrowUpload20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { ErrorState } from '../../components/ErrorState';
import { FactList } from '../../components/FactList';
import { QueryView } from '../../components/QueryView';
import { commonName, personOf } from '../certificates/certificate-text';
import { Fingerprint } from '../certificates/Fingerprint';
import { useCreateEnrollmentRequest, useEngineerCertificate, useImportEnrollmentReply } from '../certificates/use-certificates';
import { useActionNotice } from '../../lib/use-action-notice';

const useStyles = makeStyles({
  description: { display: 'block', marginBottom: tokens.spacingVerticalM, maxWidth: '60em' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60em' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  message: { marginTop: tokens.spacingVerticalM, maxWidth: '60em' },
});

type Notice = 'requestSaved' | 'requestNotSaved' | 'replyImported' | 'replyNotChosen';

export function SigningCertificateSection({ className }: { className: string }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const status = useEngineerCertificate();
  const request = useCreateEnrollmentRequest();
  const reply = useImportEnrollmentReply();
  const { notice, setNotice, beginAction } = useActionNotice<Notice>(request, reply);
  const busy = request.isPending || reply.isPending;
  const subjectText = (subject: string) => {
    const person = personOf(subject);
    return person ? t('settings.signingCertificate.subjectValue', person) : subject;
  };
  const error = request.error ?? reply.error;

  return (
    <section className={className} aria-labelledby="settings-signing-heading" data-testid="settings-signing-certificate">
      <Subtitle1 as="h2" id="settings-signing-heading" block>
        {t('settings.signingCertificate.title')}
      </Subtitle1>
      <Text className={styles.description}>{t('settings.signingCertificate.description')}</Text>
      <QueryView query={status}>
        {(current) => (
          <div className={styles.body}>
            {!current.companyCertified ? (
              <MessageBar intent="warning" layout="multiline" data-testid="signing-not-certified">
                <MessageBarBody>{t('settings.signingCertificate.notCertified')}</MessageBarBody>
              </MessageBar>
            ) : current.daysLeft < 0 ? (
              <MessageBar intent="error" layout="multiline" data-testid="signing-expired">
                <MessageBarBody>
                  <MessageBarTitle>{t('settings.signingCertificate.expiredTitle')}</MessageBarTitle>
                  {t('settings.signingCertificate.expired', { date: formatDateTime(current.notAfter, language) })}
                </MessageBarBody>
              </MessageBar>
            ) : current.expiresSoon ? (
              <MessageBar intent="warning" layout="multiline" data-testid="signing-expires-soon">
                <MessageBarBody>
                  <MessageBarTitle>{t('settings.signingCertificate.expiresSoonTitle', { count: current.daysLeft })}</MessageBarTitle>
                  {t('settings.signingCertificate.expiresSoon', { date: formatDateTime(current.notAfter, language) })}
                </MessageBarBody>
              </MessageBar>
            ) : (
              <MessageBar intent="success" layout="multiline" data-testid="signing-certified">
                <MessageBarBody>
                  <MessageBarTitle>{t('settings.signingCertificate.certifiedTitle')}</MessageBarTitle>
                  {t('settings.signingCertificate.certified')}
                </MessageBarBody>
              </MessageBar>
            )}
            <FactList
              facts={[
                [t('settings.signingCertificate.subject'), subjectText(current.subject)],
                [
                  t('settings.signingCertificate.issuer'),
                  current.companyCertified ? commonName(current.issuer) : t('settings.signingCertificate.selfSigned'),
                ],
                [
                  t('settings.signingCertificate.validity'),
                  t('certificates.verify.signer.validityValue', {
                    from: formatDateTime(current.notBefore, language),
                    to: formatDateTime(current.notAfter, language),
                  }),
                ],
                [
                  t('settings.signingCertificate.daysLeft'),
                  current.daysLeft < 0
                    ? t('settings.signingCertificate.daysLeftExpired')
                    : t('settings.signingCertificate.daysLeftValue', { count: current.daysLeft }),
                ],
                [t('settings.signingCertificate.fingerprint'), <Fingerprint key="certificate" value={current.fingerprint} />],
                ...(current.companyCertified && current.rootFingerprint
                  ? ([
                      [t('settings.signingCertificate.rootFingerprint'), <Fingerprint key="root" value={current.rootFingerprint} />],
                    ] as const)
                  : []),
                [
                  t('settings.signingCertificate.pendingRequests'),
                  t('settings.signingCertificate.countValue', { count: current.pendingRequests }),
                ],
                [
                  t('settings.signingCertificate.queuedTimestamps'),
                  t('settings.signingCertificate.countValue', { count: current.queuedTimestamps }),
                ],
              ]}
            />
            <div className={styles.actions}>
              <Button
                appearance={current.companyCertified && !current.expiresSoon ? 'secondary' : 'primary'}
                icon={request.isPending ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
                disabledFocusable={busy}
                onClick={() => {
                  beginAction();
                  request.mutate(undefined, { onSuccess: (result) => setNotice(result.saved ? 'requestSaved' : 'requestNotSaved') });
                }}
              >
                {t('settings.signingCertificate.createRequest')}
              </Button>
              <Button
                icon={reply.isPending ? <Spinner size="tiny" /> : <ArrowUpload20Regular />}
                disabledFocusable={busy}
                onClick={() => {
                  beginAction();
                  reply.mutate(undefined, { onSuccess: (result) => setNotice(result.cancelled ? 'replyNotChosen' : 'replyImported') });
                }}
              >
                {t('settings.signingCertificate.importReply')}
              </Button>
            </div>
          </div>
        )}
      </QueryView>
      {notice && (
        <MessageBar
          className={styles.message}
          intent={notice === 'requestNotSaved' || notice === 'replyNotChosen' ? 'info' : 'success'}
          role="status"
          layout="multiline"
          data-testid="signing-notice"
        >
          <MessageBarBody>{t(`settings.signingCertificate.notice.${notice}`)}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <div className={styles.message}>
          <ErrorState error={error} />
        </div>
      )}
    </section>
  );
}
