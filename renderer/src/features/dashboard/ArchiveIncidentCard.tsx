/**
 * Says on the dashboard that a sync to the company archive found the archive's anchor ahead of
 * this vault's audit log (issue 20): the data folder was put back from an older copy, so
 * documents and audit entries the archive knows are gone here. Nothing shows otherwise. The
 * link opens the archive's page in Settings, where the same incident is told in full.
 */
import { Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { useArchiveStatus } from '../settings/use-archive';

const useStyles = makeStyles({ notice: { marginBottom: tokens.spacingVerticalL } });

export function ArchiveIncidentCard() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const incident = useArchiveStatus().data?.incident;
  if (!incident) return null;
  return (
    <MessageBar className={styles.notice} intent="error" layout="multiline" data-testid="dashboard-archive-incident">
      <MessageBarBody>
        <MessageBarTitle>{t('archive.incident.dashboardTitle')}</MessageBarTitle>
        {t('archive.incident.body', {
          at: formatDateTime(incident.detectedAt, i18n.language as Language),
          archiveSeq: incident.archiveSeq,
          localSeq: incident.localSeq,
        })}{' '}
        <Link href="#/settings?page=archive">{t('archive.incident.open')}</Link>
      </MessageBarBody>
    </MessageBar>
  );
}
