/**
 * The inventory (棚卸, 7-7): an inventory lists every item not disposed; attached media are
 * confirmed by their serial at once (and again with "read attached media"), the engineer
 * confirms each other item as present or records it missing with a note, and completing it
 * issues the signed inventory report with the discrepancies, saved as PDF from here or from
 * the Certificates screen. Earlier inventories and their reports are listed below.
 */
import { useState } from 'react';
import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle1,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowSync20Regular,
  Checkmark20Regular,
  CheckmarkCircle16Filled,
  ClipboardTaskListLtr20Regular,
  Clock16Regular,
  DocumentPdf20Regular,
  Warning16Filled,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { strictLineBreaking } from '../../components/table-cells';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { SavePdfAction } from '../../components/SavePdf';
import { RecordsTable, type RecordsColumn } from '../sites/RecordsTable';
import { LedgerBreadcrumb } from './LedgerBreadcrumb';
import { LedgerDialog } from './LedgerDialog';
import { LedgerSettingsSection } from './LedgerSettingsSection';
import { StatusBadge } from './StatusBadge';
import { useCurrentInventory, useInventories, useLedgerStep, type Inventory, type InventoryEntry } from './use-ledger';
import { useLedgerTexts } from './use-ledger-texts';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '60em', marginBottom: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalXXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  heading: { margin: 0 },
  progress: { maxWidth: '32em' },
  cell: { ...strictLineBreaking, paddingBlock: tokens.spacingVerticalS, verticalAlign: 'top' },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  rowActions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  actionsColumn: { width: '260px' },
});

export function InventoryView() {
  const styles = useStyles();
  const { t } = useTranslation();
  const current = useCurrentInventory();
  // Held here, not in OpenInventory: completing refreshes the current inventory to none, which
  // unmounts OpenInventory — and a mutation's callbacks die with the component that holds it.
  const complete = useLedgerStep('ledger.completeInventory');
  const [completed, setCompleted] = useState<Inventory | null>(null);
  return (
    <>
      <LedgerBreadcrumb current={t('ledger.inventory.title')} />
      <PageHeading>{t('ledger.inventory.title')}</PageHeading>
      <Text className={styles.intro}>{t('ledger.inventory.intro')}</Text>
      {completed && <CompletedResult inventory={completed} />}
      <QueryView query={current}>
        {({ inventory }) =>
          inventory ? (
            <OpenInventory
              inventory={inventory}
              complete={complete}
              onComplete={() => complete.mutate({ inventoryId: inventory.id }, { onSuccess: setCompleted })}
            />
          ) : (
            <StartInventory onStarted={() => setCompleted(null)} />
          )
        }
      </QueryView>
      <PastInventories />
      <LedgerSettingsSection />
    </>
  );
}

function StartInventory({ onStarted }: { onStarted: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const start = useLedgerStep('ledger.startInventory');
  return (
    <section className={styles.section} aria-labelledby="ledger-inventory-start-heading">
      <Subtitle1 as="h2" id="ledger-inventory-start-heading" className={styles.heading}>
        {t('ledger.inventory.startTitle')}
      </Subtitle1>
      <Text>{t('ledger.inventory.startBody')}</Text>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={start.isPending ? <Spinner size="tiny" /> : <ClipboardTaskListLtr20Regular />}
          disabledFocusable={start.isPending}
          onClick={() => start.mutate({}, { onSuccess: onStarted })}
        >
          {t('ledger.inventory.start')}
        </Button>
      </div>
      {start.isError && <ErrorState error={start.error} />}
    </section>
  );
}

function ResultBadge({ entry }: { entry: InventoryEntry }) {
  const { t } = useTranslation();
  if (entry.result === 'present')
    return (
      <Badge appearance="tint" color="success" shape="rounded" size="large" icon={<CheckmarkCircle16Filled />} data-result="present">
        {t('ledger.inventory.present')}
      </Badge>
    );
  if (entry.result === 'missing')
    return (
      <Badge appearance="tint" color="danger" shape="rounded" size="large" icon={<Warning16Filled />} data-result="missing">
        {t('ledger.inventory.missing')}
      </Badge>
    );
  return (
    <Badge appearance="tint" color="informative" shape="rounded" size="large" icon={<Clock16Regular />} data-result="open">
      {t('ledger.inventory.unchecked')}
    </Badge>
  );
}

function OpenInventory({
  inventory,
  complete,
  onComplete,
}: {
  inventory: Inventory;
  complete: ReturnType<typeof useLedgerStep<'ledger.completeInventory'>>;
  onComplete: () => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useLedgerTexts();
  const confirm = useLedgerStep('ledger.confirmInventoryItem');
  const scan = useLedgerStep('ledger.scanInventory');
  const [missing, setMissing] = useState<InventoryEntry | null>(null);
  const done = inventory.entries.filter((entry) => entry.result !== null).length;
  const total = inventory.entries.length;
  const busy = confirm.isPending || scan.isPending || complete.isPending;

  const columns: RecordsColumn<InventoryEntry>[] = [
    {
      id: 'label',
      header: t('ledger.columns.label'),
      cellClassName: styles.cell,
      cell: (entry) => (
        <div className={styles.stack}>
          <Text weight="semibold">{entry.label}</Text>
          <Text size={200} className={styles.muted}>
            {texts.type(entry.type)}
          </Text>
        </div>
      ),
    },
    {
      id: 'serial',
      header: t('ledger.form.serial'),
      cellClassName: styles.cell,
      cell: (entry) => <Text className={styles.mono}>{texts.or(entry.serial)}</Text>,
    },
    {
      id: 'ledger',
      header: t('ledger.inventory.columns.ledger'),
      cellClassName: styles.cell,
      cell: (entry) => (
        <div className={styles.stack}>
          <StatusBadge status={entry.statusAtStart} />
          <Text size={200} className={styles.muted}>
            {texts.or(entry.custodianAtStart)}
          </Text>
        </div>
      ),
    },
    {
      id: 'result',
      header: t('ledger.inventory.columns.result'),
      cellClassName: styles.cell,
      cell: (entry) => (
        <div className={styles.stack}>
          <ResultBadge entry={entry} />
          {entry.method && (
            <Text size={200} className={styles.muted}>
              {t(`ledger.inventory.method.${entry.method}`)}
            </Text>
          )}
          {entry.note && <Text size={200}>{entry.note}</Text>}
        </div>
      ),
    },
    {
      id: 'actions',
      header: t('ledger.inventory.columns.actions'),
      headerClassName: styles.actionsColumn,
      cellClassName: styles.cell,
      cell: (entry) => (
        <div className={styles.rowActions}>
          <Button
            size="small"
            icon={<Checkmark20Regular />}
            disabledFocusable={busy || entry.result === 'present'}
            aria-label={t('ledger.inventory.confirmNamed', { label: entry.label })}
            onClick={() => confirm.mutate({ inventoryId: inventory.id, itemId: entry.itemId, result: 'present', note: '' })}
          >
            {t('ledger.inventory.confirm')}
          </Button>
          <Button
            size="small"
            icon={<Warning16Filled />}
            disabledFocusable={busy}
            aria-label={t('ledger.inventory.recordMissingNamed', { label: entry.label })}
            onClick={() => setMissing(entry)}
          >
            {t('ledger.inventory.recordMissing')}
          </Button>
        </div>
      ),
    },
  ];

  return (
    <section
      className={styles.section}
      aria-labelledby="ledger-inventory-open-heading"
      data-testid="ledger-inventory"
      data-inventory-id={inventory.id}
    >
      <Subtitle1 as="h2" id="ledger-inventory-open-heading" className={styles.heading}>
        {t('ledger.inventory.openTitle')}
      </Subtitle1>
      <Text>{t('ledger.inventory.openedBy', { date: texts.dateTime(inventory.startedAt), name: inventory.startedBy })}</Text>
      <Field className={styles.progress} label={t('ledger.inventory.progress', { done, total })} validationState="none">
        <ProgressBar value={total === 0 ? 0 : done / total} thickness="large" />
      </Field>
      <div className={styles.actions}>
        <Button
          icon={scan.isPending ? <Spinner size="tiny" /> : <ArrowSync20Regular />}
          disabledFocusable={busy}
          onClick={() => scan.mutate({ inventoryId: inventory.id })}
        >
          {t('ledger.inventory.scan')}
        </Button>
        <Button
          appearance="primary"
          icon={complete.isPending ? <Spinner size="tiny" /> : <DocumentPdf20Regular />}
          disabledFocusable={busy || done < total}
          onClick={onComplete}
        >
          {complete.isPending ? t('ledger.inventory.completing') : t('ledger.inventory.complete')}
        </Button>
        {done < total && <Text size={200}>{t('ledger.inventory.completeHint', { count: total - done })}</Text>}
      </div>
      {[confirm, scan, complete].map((step, index) => step.isError && <ErrorState key={index} error={step.error} />)}
      <RecordsTable
        labelledBy="ledger-inventory-open-heading"
        testId="ledger-inventory-entries"
        minWidth="900px"
        columns={columns}
        rows={inventory.entries}
        rowKey={(entry) => entry.itemId}
        rowProps={(entry) => ({ 'data-label': entry.label, 'data-result': entry.result ?? 'open' }) as Record<string, string>}
      />
      {inventory.unregistered.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('ledger.inventory.unregisteredTitle', { count: inventory.unregistered.length })}</MessageBarTitle>
            <ul className={styles.list}>
              {inventory.unregistered.map((medium) => (
                <li key={medium.mount}>
                  {[medium.mount, medium.model, medium.serial ? `S/N ${medium.serial}` : null].filter(Boolean).join(' — ')}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {missing && (
        <MissingDialog
          entry={missing}
          pending={confirm.isPending}
          error={confirm.error}
          onSubmit={(note) =>
            confirm.mutate(
              { inventoryId: inventory.id, itemId: missing.itemId, result: 'missing', note },
              { onSuccess: () => setMissing(null) },
            )
          }
          onClose={() => {
            confirm.reset();
            setMissing(null);
          }}
        />
      )}
    </section>
  );
}

function MissingDialog({
  entry,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  entry: InventoryEntry;
  pending: boolean;
  error: unknown;
  onSubmit: (note: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState(entry.note);
  const [checked, setChecked] = useState(false);
  const problem = checked && note.trim() === '' ? t('ledger.inventory.noteRequired') : undefined;
  return (
    <LedgerDialog
      title={t('ledger.inventory.missingTitle', { label: entry.label })}
      submitLabel={t('ledger.inventory.missingSubmit')}
      pendingLabel={t('ledger.dialog.saving')}
      pending={pending}
      error={error}
      onSubmit={() => {
        setChecked(true);
        if (note.trim() !== '') onSubmit(note.trim());
      }}
      onClose={onClose}
      testId="ledger-missing-dialog"
    >
      <Text>{t('ledger.inventory.missingBody')}</Text>
      <Field
        label={t('ledger.inventory.note')}
        required
        hint={t('ledger.inventory.noteHint')}
        validationState={problem ? 'error' : 'none'}
        validationMessage={problem}
      >
        <Textarea value={note} maxLength={500} rows={3} resize="vertical" onChange={(_event, data) => setNote(data.value)} />
      </Field>
    </LedgerDialog>
  );
}

/** The inventory just completed: its report's number, what did not match, and saving the PDF. */
function CompletedResult({ inventory }: { inventory: Inventory }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useLedgerTexts();
  // The screen says it in its own language; the core's detail (bilingual, for the report) is kept for media not in the ledger.
  const detailOf = (discrepancy: Inventory['discrepancies'][number]) => {
    const entry = inventory.entries.find((candidate) => candidate.itemId === discrepancy.itemId);
    if (!entry) return discrepancy.detail;
    const ledger = t('ledger.inventory.ledgerWas', {
      status: texts.status(entry.statusAtStart),
      custodian: texts.or(entry.custodianAtStart),
    });
    return entry.note ? `${ledger} — ${entry.note}` : ledger;
  };
  const present = inventory.entries.filter((entry) => entry.result === 'present').length;
  return (
    <section className={styles.section} aria-labelledby="ledger-inventory-result-heading" data-testid="ledger-inventory-result">
      <Subtitle1 as="h2" id="ledger-inventory-result-heading" className={styles.heading}>
        {t('ledger.inventory.resultTitle')}
      </Subtitle1>
      <MessageBar intent={inventory.discrepancies.length === 0 ? 'success' : 'warning'} layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>
            {inventory.report ? t('ledger.inventory.issued', { number: inventory.report.number }) : t('ledger.inventory.completedNoReport')}
          </MessageBarTitle>
          <div>{t('ledger.inventory.summary', { present, total: inventory.entries.length, count: inventory.discrepancies.length })}</div>
          {inventory.discrepancies.length > 0 && (
            <ul className={styles.list}>
              {inventory.discrepancies.map((discrepancy, index) => (
                <li key={`${discrepancy.itemId ?? discrepancy.label}-${index}`}>
                  {t(`ledger.inventory.discrepancy.${discrepancy.kind}`)}: {discrepancy.label} — {detailOf(discrepancy)}
                </li>
              ))}
            </ul>
          )}
        </MessageBarBody>
      </MessageBar>
      {inventory.report && <SaveReportButton certificateId={inventory.report.certificateId} number={inventory.report.number} primary />}
    </section>
  );
}

/** The inventory report saved in place, the same way as every signed PDF (components/SavePdf). */
function SaveReportButton({ certificateId, number, primary = false }: { certificateId: string; number: string; primary?: boolean }) {
  const { t } = useTranslation();
  return (
    <SavePdfAction
      certificateId={certificateId}
      number={t('ledger.inventory.reportName', { number })}
      appearance={primary ? 'primary' : 'secondary'}
      compact={!primary}
    />
  );
}

function PastInventories() {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useLedgerTexts();
  const inventories = useInventories();
  const columns: RecordsColumn<Inventory>[] = [
    {
      id: 'completed',
      header: t('ledger.inventory.columns.completed'),
      cellClassName: styles.cell,
      cell: (row) => <Text>{texts.dateTime(row.completedAt)}</Text>,
    },
    { id: 'by', header: t('ledger.inventory.columns.by'), cellClassName: styles.cell, cell: (row) => <Text>{row.startedBy}</Text> },
    {
      id: 'counts',
      header: t('ledger.inventory.columns.counts'),
      cellClassName: styles.cell,
      cell: (row) => (
        <Text>
          {t('ledger.inventory.counts', {
            present: row.entries.filter((entry) => entry.result === 'present').length,
            missing: row.entries.filter((entry) => entry.result === 'missing').length,
            discrepancies: row.discrepancies.length,
          })}
        </Text>
      ),
    },
    {
      id: 'report',
      header: t('ledger.inventory.columns.report'),
      cellClassName: styles.cell,
      cell: (row) =>
        row.report ? (
          <div className={styles.stack}>
            <Text className={styles.mono}>{row.report.number}</Text>
            <SaveReportButton certificateId={row.report.certificateId} number={row.report.number} />
          </div>
        ) : (
          <Text>—</Text>
        ),
    },
  ];
  return (
    <section className={styles.section} aria-labelledby="ledger-inventory-history-heading">
      <Subtitle1 as="h2" id="ledger-inventory-history-heading" className={styles.heading}>
        {t('ledger.inventory.historyTitle')}
      </Subtitle1>
      <QueryView query={inventories}>
        {({ inventories: list }) => {
          const closed = list.filter((inventory) => inventory.completedAt !== null);
          return closed.length === 0 ? (
            <Text role="status">{t('ledger.inventory.historyEmpty')}</Text>
          ) : (
            <RecordsTable
              labelledBy="ledger-inventory-history-heading"
              testId="ledger-inventory-history"
              minWidth="760px"
              columns={columns}
              rows={closed}
              rowKey={(row) => row.id}
            />
          );
        }}
      </QueryView>
    </section>
  );
}
