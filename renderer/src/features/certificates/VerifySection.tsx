/**
 * The check anyone's certificate can be put through — the same check `fieldguard verify` and
 * the hospital's own PDF reader make, with its three answers (issue 13): genuine, intact but
 * issuer not confirmed, not genuine.
 */
import { Button, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ShieldCheckmark20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { useVerifyFile } from './use-certificates';
import { VerificationResult } from './VerificationResult';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { display: 'block', maxWidth: '60em' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

export function VerifySection() {
  const styles = useStyles();
  const { t } = useTranslation();
  const verify = useVerifyFile();
  return (
    <section className={styles.section} aria-labelledby="certificates-verify-heading">
      <Subtitle1 as="h2" id="certificates-verify-heading">
        {t('certificates.verify.title')}
      </Subtitle1>
      <Text className={styles.intro}>{t('certificates.verify.intro')}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<ShieldCheckmark20Regular />} onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? t('certificates.verify.working') : t('certificates.verify.choose')}
        </Button>
      </div>
      {verify.isError && <ErrorState error={verify.error} />}
      {verify.data?.cancelled && <Text role="status">{t('certificates.verify.cancelled')}</Text>}
      {verify.data?.result && verify.data.fileName && <VerificationResult fileName={verify.data.fileName} result={verify.data.result} />}
    </section>
  );
}
