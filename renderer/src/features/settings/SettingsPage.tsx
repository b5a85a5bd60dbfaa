/** Settings of the open vault: auto-lock, the password, the master key, the signing certificate, the self-check policy, the sanitization policy and where the data folder is. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { AutoLockSection } from './AutoLockSection';
import { ChangePasswordSection } from './ChangePasswordSection';
import { DataFolderSection } from './DataFolderSection';
import { HeldDataSection } from './HeldDataSection';
import { RotateKeySection } from './RotateKeySection';
import { SanitizePolicySection } from './SanitizePolicySection';
import { SelfCheckPolicySection } from './SelfCheckPolicySection';
import { SigningCertificateSection } from './SigningCertificateSection';
import { SupportLogSection } from './SupportLogSection';

const useStyles = makeStyles({
  section: {
    marginBottom: tokens.spacingVerticalXXL,
    paddingBottom: tokens.spacingVerticalXL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':last-child': { borderBottom: 'none' },
  },
});

export function SettingsPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>
      <AutoLockSection className={styles.section} />
      <ChangePasswordSection className={styles.section} />
      <RotateKeySection className={styles.section} />
      <SigningCertificateSection className={styles.section} />
      <SelfCheckPolicySection className={styles.section} />
      <SanitizePolicySection className={styles.section} />
      <HeldDataSection className={styles.section} />
      <DataFolderSection className={styles.section} />
      <SupportLogSection className={styles.section} />
    </>
  );
}
