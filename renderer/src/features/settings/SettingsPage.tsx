/**
 * Settings, split into pages (issue 19): a list on the left — 一般, セキュリティ, 会社ポリシー,
 * 会社へ保管, サポート — and the sections of the chosen page on the right, each with its own
 * save. The page is in the address (`#/settings?page=archive`), so a link, a test or a reload
 * opens the same page; an unknown page falls back to the first.
 */
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { ArchiveSettingsSection } from './ArchiveSettingsSection';
import { ArchiveStateSection } from './ArchiveStateSection';
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
  layout: { display: 'grid', gridTemplateColumns: 'minmax(160px, max-content) minmax(0, 1fr)', gap: tokens.spacingHorizontalXXL },
  pages: { alignSelf: 'start', position: 'sticky', top: 0 },
  section: {
    marginBottom: tokens.spacingVerticalXXL,
    paddingBottom: tokens.spacingVerticalXL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':last-child': { borderBottom: 'none' },
  },
});

export const settingsPages = ['general', 'security', 'policy', 'archive', 'support'] as const;
export type SettingsPageName = (typeof settingsPages)[number];

function isPage(value: string | null): value is SettingsPageName {
  return value !== null && (settingsPages as readonly string[]).includes(value);
}

function PageSections({ page, className }: { page: SettingsPageName; className: string }) {
  switch (page) {
    case 'general':
      return (
        <>
          <AutoLockSection className={className} />
          <HeldDataSection className={className} />
          <DataFolderSection className={className} />
        </>
      );
    case 'security':
      return (
        <>
          <ChangePasswordSection className={className} />
          <RotateKeySection className={className} />
          <SigningCertificateSection className={className} />
        </>
      );
    case 'policy':
      return (
        <>
          <SelfCheckPolicySection className={className} />
          <SanitizePolicySection className={className} />
        </>
      );
    case 'archive':
      return (
        <>
          <ArchiveStateSection className={className} />
          <ArchiveSettingsSection className={className} />
        </>
      );
    case 'support':
      return <SupportLogSection className={className} />;
  }
}

export function SettingsPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('page');
  const page: SettingsPageName = isPage(asked) ? asked : 'general';
  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>
      <div className={styles.layout}>
        <TabList
          className={styles.pages}
          vertical
          selectedValue={page}
          aria-label={t('settings.pages.label')}
          onTabSelect={(_event, data) => setParams({ page: String(data.value) })}
        >
          {settingsPages.map((name) => (
            <Tab key={name} value={name} aria-controls="settings-page-panel">
              {t(`settings.pages.${name}`)}
            </Tab>
          ))}
        </TabList>
        <div id="settings-page-panel" role="tabpanel" aria-label={t(`settings.pages.${page}`)} data-testid={`settings-page-${page}`}>
          <PageSections page={page} className={styles.section} />
        </div>
      </div>
    </>
  );
}
