/**
 * The Ledger screen's first view: what the ledger is for, the reminders (overdue returns, the
 * inventory, media to migrate, lost media), the buttons to register, count and export, the
 * media attached now (an unregistered one is pointed out), and every item on record.
 */
import { useState } from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, ClipboardTaskListLtr20Regular, DocumentPdf20Regular, DocumentTable20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { mediumStatuses } from '@shared/ledger';
import { ErrorState } from '../../components/ErrorState';
import { OpenFolderButton } from '../../components/SavePdf';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { AttachedMedia } from './AttachedMedia';
import { ItemsTable } from './ItemsTable';
import { LedgerEmptyState } from './LedgerEmptyState';
import { LedgerReminders } from './LedgerReminders';
import { useLedgerRoute } from './ledger-route';
import { useLedgerExports, useLedgerItems, type MediumStatus } from './use-ledger';
import { useLedgerTexts } from './use-ledger-texts';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '60em', marginBottom: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalXXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  heading: { margin: 0 },
  filter: { maxWidth: '20em' },
});

type Filter = MediumStatus | 'all';

export function LedgerListView() {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useLedgerTexts();
  const { go } = useLedgerRoute();
  const items = useLedgerItems();
  const [filter, setFilter] = useState<Filter>('all');
  const { exportCsv, exportReport } = useLedgerExports();
  const exporting = exportCsv.isPending || exportReport.isPending;

  return (
    <>
      <PageHeading>{t('ledger.title')}</PageHeading>
      <Text className={styles.intro}>{t('ledger.intro')}</Text>
      <div className={styles.section}>
        <LedgerReminders />
        <div className={styles.actions}>
          <Button appearance="primary" icon={<Add20Regular />} onClick={() => go({ view: 'new', mount: null })}>
            {t('ledger.list.add')}
          </Button>
          <Button icon={<ClipboardTaskListLtr20Regular />} onClick={() => go({ view: 'inventory' })}>
            {t('ledger.list.inventory')}
          </Button>
          <Button
            icon={exportCsv.isPending ? <Spinner size="tiny" /> : <DocumentTable20Regular />}
            disabledFocusable={exporting}
            onClick={() => {
              exportReport.reset();
              exportCsv.mutate();
            }}
          >
            {t('ledger.list.exportCsv')}
          </Button>
          <Button
            icon={exportReport.isPending ? <Spinner size="tiny" /> : <DocumentPdf20Regular />}
            disabledFocusable={exporting}
            onClick={() => {
              exportCsv.reset();
              exportReport.mutate();
            }}
          >
            {t('ledger.list.exportReport')}
          </Button>
        </div>
        <div aria-live="polite">
          {exportCsv.data?.saved && (
            <MessageBar intent="success">
              <MessageBarBody>{t('ledger.list.csvSaved')}</MessageBarBody>
            </MessageBar>
          )}
          {exportReport.data?.saved && (
            <MessageBar intent="success" data-testid="ledger-report-saved">
              <MessageBarBody>{t('ledger.list.reportSaved', { number: exportReport.data.number })}</MessageBarBody>
              {exportReport.data.file && (
                <MessageBarActions>
                  <OpenFolderButton file={exportReport.data.file} size="small" />
                </MessageBarActions>
              )}
            </MessageBar>
          )}
        </div>
        {exportCsv.isError && <ErrorState error={exportCsv.error} />}
        {exportReport.isError && <ErrorState error={exportReport.error} />}
      </div>

      <AttachedMedia />

      <section className={styles.section} aria-labelledby="ledger-items-heading">
        <Subtitle1 as="h2" id="ledger-items-heading" className={styles.heading}>
          {t('ledger.list.title')}
        </Subtitle1>
        <QueryView query={items}>
          {({ items: list }) => {
            if (list.length === 0) return <LedgerEmptyState />;
            const shown = filter === 'all' ? list : list.filter((item) => item.status === filter);
            return (
              <>
                <Field label={t('ledger.list.filter')} className={styles.filter}>
                  <Select value={filter} onChange={(_event, data) => setFilter(data.value as Filter)}>
                    <option value="all">{t('ledger.list.filterAll', { count: list.length })}</option>
                    {mediumStatuses.map((status) => (
                      <option key={status} value={status}>
                        {t('ledger.list.filterStatus', {
                          status: texts.status(status),
                          count: list.filter((item) => item.status === status).length,
                        })}
                      </option>
                    ))}
                  </Select>
                </Field>
                {shown.length === 0 ? (
                  <Text role="status">{t('ledger.list.noneWithStatus')}</Text>
                ) : (
                  <ItemsTable items={shown} labelledBy="ledger-items-heading" />
                )}
              </>
            );
          }}
        </QueryView>
      </section>
    </>
  );
}
