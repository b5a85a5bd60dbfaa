/**
 * The receiving side of a sanitization (10-5): the hospital picks the sanitization report
 * (PDF) and the folder it received, both in native dialogs, and learns whether the report is
 * genuine and whether every file in the folder is one the report cleared, byte for byte —
 * the same check as `fieldguard verify REPORT.pdf --files DIR`.
 */
import { Button, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { FolderSearch20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { useCheckReceived } from '../sanitize/use-sanitize';
import { ReceivedCheckResult } from './ReceivedCheckResult';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { display: 'block', maxWidth: '60em' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

export function ReceivedCheckSection() {
  const styles = useStyles();
  const { t } = useTranslation();
  const check = useCheckReceived();
  const reply = check.data;

  return (
    <section className={styles.section} aria-labelledby="certificates-received-heading">
      <Subtitle1 as="h2" id="certificates-received-heading">
        {t('certificates.received.title')}
      </Subtitle1>
      <Text className={styles.intro}>{t('certificates.received.intro')}</Text>
      <div className={styles.actions}>
        <Button icon={<FolderSearch20Regular />} onClick={() => check.mutate()} disabledFocusable={check.isPending}>
          {check.isPending ? t('certificates.received.working') : t('certificates.received.choose')}
        </Button>
      </div>
      {check.isError && <ErrorState error={check.error} />}
      {reply?.cancelled && <Text role="status">{t('certificates.received.cancelled')}</Text>}
      {reply && !reply.cancelled && reply.check && <ReceivedCheckResult reply={{ ...reply, check: reply.check }} />}
    </section>
  );
}
