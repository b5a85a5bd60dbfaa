/**
 * One item: its status and who holds it, the steps its status allows, the open check-out
 * (who, why, which visit, the site administrator's permission, when it is due back), what is
 * recorded of it (or the form to edit it), its erasure and disposal, and every check-out it
 * has had.
 */
import { useState } from 'react';
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import {
  ArrowEnter20Regular,
  ArrowExportLtr20Regular,
  Building20Regular,
  Certificate20Regular,
  Delete20Regular,
  Edit20Regular,
  LockShield20Regular,
  Search20Regular,
  Warning20Regular,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { strictLineBreaking } from '../../components/table-cells';
import { ErrorState } from '../../components/ErrorState';
import { FactList } from '../../components/FactList';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { RecordsTable, type RecordsColumn } from '../sites/RecordsTable';
import { hrefOf as visitHref } from '../visits/visits-route';
import {
  CheckInDialog,
  CheckOutDialog,
  DisposeDialog,
  ErasureDialog,
  FoundDialog,
  LostDialog,
  PermissionDialog,
  type StepDialogProps,
} from './ItemDialogs';
import { ItemForm } from './ItemForm';
import { LedgerBreadcrumb } from './LedgerBreadcrumb';
import { StatusBadge } from './StatusBadge';
import type { TextKey } from '../../i18n/text-key';
import { valuesOf } from './item-draft';
import { hrefOf } from './ledger-route';
import { canTake, useLedgerItem, useLedgerStep, type Checkout, type LedgerItem, type LedgerStepName } from './use-ledger';
import { todayInJapan, useLedgerTexts } from './use-ledger-texts';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalXXL,
  },
  wide: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalXXL },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  notices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, outline: 'none' },
  cell: { ...strictLineBreaking, paddingBlock: tokens.spacingVerticalS, verticalAlign: 'top' },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Dialog = 'checkOut' | 'permission' | 'checkIn' | 'lost' | 'found' | 'erasure' | 'dispose';

const DIALOGS: Record<Dialog, (props: StepDialogProps) => React.JSX.Element> = {
  checkOut: CheckOutDialog,
  permission: PermissionDialog,
  checkIn: CheckInDialog,
  lost: LostDialog,
  found: FoundDialog,
  erasure: ErasureDialog,
  dispose: DisposeDialog,
};

export function ItemView({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const item = useLedgerItem(itemId);
  const label = item.data?.item.label;
  return (
    <>
      <LedgerBreadcrumb current={label ?? t('ledger.item.loading')} />
      <PageHeading>{label ?? t('ledger.title')}</PageHeading>
      <QueryView query={item}>{(data) => <ItemBody item={data.item} checkouts={data.checkouts} />}</QueryView>
    </>
  );
}

function ItemBody({ item, checkouts }: { item: LedgerItem; checkouts: readonly Checkout[] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useLedgerTexts();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [editing, setEditing] = useState(false);
  // The i18n key of what was just recorded, so the message follows a change of language.
  const [done, setDone] = useState<TextKey | null>(null);
  const [incidentRunId, setIncidentRunId] = useState<string | null>(null);
  const atSite = useLedgerStep('ledger.markAtSite');
  const restoreFocus = useRestoreFocusTarget();
  const can = (step: LedgerStepName) => canTake(step, item.status);
  const open = (next: Dialog) => {
    setDone(null);
    setIncidentRunId(null);
    setDialog(next);
  };
  const finished = (messageKey: TextKey) => (outcome?: { readonly incidentRunId: string | null }) => {
    setDialog(null);
    setDone(messageKey);
    setIncidentRunId(outcome?.incidentRunId ?? null);
    document.getElementById('ledger-status-heading')?.focus();
  };
  const ActiveDialog = dialog ? DIALOGS[dialog] : null;
  const checkout = item.currentCheckout;
  const overdue = checkout !== null && checkout.returnedAt === null && checkout.expectedReturnDate < todayInJapan();

  const step = (name: LedgerStepName, target: Dialog, icon: React.JSX.Element, labelKey: TextKey, primary = false) =>
    can(name) && (
      <Button {...restoreFocus} appearance={primary ? 'primary' : 'secondary'} icon={icon} onClick={() => open(target)}>
        {t(labelKey)}
      </Button>
    );

  return (
    <>
      <section className={styles.section} aria-labelledby="ledger-status-heading" data-testid="ledger-item-status">
        <Subtitle1 as="h2" id="ledger-status-heading" tabIndex={-1} className={styles.heading}>
          {t('ledger.item.statusTitle')}
        </Subtitle1>
        <div className={styles.status}>
          <StatusBadge status={item.status} />
          <Text>{t('ledger.item.custody', { custodian: texts.or(item.custodian) })}</Text>
        </div>
        <div aria-live="polite" className={styles.notices}>
          {done && (
            <MessageBar intent="success" data-testid="ledger-step-done">
              <MessageBarBody>{t(done)}</MessageBarBody>
            </MessageBar>
          )}
          {incidentRunId && (
            <MessageBar intent="warning" layout="multiline" data-testid="ledger-incident-started">
              <MessageBarBody>
                {t('ledger.item.incidentStarted')}{' '}
                <Link href={visitHref({ view: 'run', runId: incidentRunId })}>{t('ledger.item.openIncident')}</Link>
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
        <div className={styles.actions} role="group" aria-label={t('ledger.item.actions')}>
          {step('checkOut', 'checkOut', <ArrowExportLtr20Regular />, 'ledger.item.checkOut', true)}
          {step('checkIn', 'checkIn', <ArrowEnter20Regular />, 'ledger.item.checkIn', true)}
          {can('markAtSite') && (
            <Button
              icon={<Building20Regular />}
              disabledFocusable={atSite.isPending}
              onClick={() => atSite.mutate({ itemId: item.id }, { onSuccess: () => setDone('ledger.item.atSiteDone') })}
            >
              {t('ledger.item.markAtSite')}
            </Button>
          )}
          {can('recordPermission') &&
            checkout?.permission === null &&
            step('recordPermission', 'permission', <LockShield20Regular />, 'ledger.item.recordPermission')}
          {step('markFound', 'found', <Search20Regular />, 'ledger.item.markFound', true)}
          {step('recordErasure', 'erasure', <Certificate20Regular />, 'ledger.item.recordErasure')}
          {can('edit') && !editing && (
            <Button icon={<Edit20Regular />} onClick={() => setEditing(true)}>
              {t('ledger.item.edit')}
            </Button>
          )}
          {step('markLost', 'lost', <Warning20Regular />, 'ledger.item.markLost')}
          {step('dispose', 'dispose', <Delete20Regular />, 'ledger.item.dispose')}
        </div>
        {atSite.isError && <ErrorState error={atSite.error} />}
        {item.status === 'disposed' && <Text>{t('ledger.item.disposedFinal')}</Text>}
      </section>

      {checkout && (
        <section className={styles.section} aria-labelledby="ledger-checkout-heading" data-testid="ledger-current-checkout">
          <Subtitle1 as="h2" id="ledger-checkout-heading" className={styles.heading}>
            {t('ledger.item.checkoutTitle')}
          </Subtitle1>
          {overdue && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{t('ledger.item.overdue', { date: texts.date(checkout.expectedReturnDate) })}</MessageBarBody>
            </MessageBar>
          )}
          <FactList
            facts={[
              [t('ledger.checkOut.custodian'), checkout.custodian],
              [t('ledger.item.checkedOutAt'), texts.dateTime(checkout.checkedOutAt)],
              [t('ledger.checkOut.purpose'), checkout.purpose],
              [t('ledger.checkOut.visit'), texts.or(checkout.visitReference)],
              [t('ledger.item.carriesData'), checkout.carriesSiteData ? t('ledger.item.carriesYes') : t('ledger.item.carriesNo')],
              [
                t('ledger.item.permission'),
                checkout.permission
                  ? t('ledger.item.permissionValue', {
                      administrator: checkout.permission.administrator,
                      date: texts.dateTime(checkout.permission.grantedAt),
                    })
                  : t('ledger.item.noPermission'),
              ],
              [t('ledger.checkOut.returnDate'), texts.date(checkout.expectedReturnDate)],
              ...(checkout.atSiteSince ? [[t('ledger.item.atSiteSince'), texts.dateTime(checkout.atSiteSince)] as const] : []),
            ]}
          />
        </section>
      )}

      <section className={styles.section} aria-labelledby="ledger-details-heading">
        <Subtitle1 as="h2" id="ledger-details-heading" className={styles.heading}>
          {t(editing ? 'ledger.item.editTitle' : 'ledger.item.detailsTitle')}
        </Subtitle1>
        {editing ? (
          <ItemForm
            item={item}
            initial={valuesOf(item)}
            initialBytes={item.capacityBytes}
            label={t('ledger.item.editTitle')}
            onSaved={() => {
              setEditing(false);
              setDone('ledger.item.saved');
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <div data-testid="ledger-item-details">
            <FactList
              facts={[
                [t('ledger.form.label'), item.label],
                [t('ledger.form.type'), texts.type(item.type)],
                [t('ledger.form.make'), texts.or(item.make)],
                [t('ledger.form.model'), texts.or(item.model)],
                [t('ledger.form.serial'), texts.or(item.serial)],
                [t('ledger.details.capacity'), texts.bytes(item.capacityBytes)],
                [t('ledger.form.encryption'), texts.encryption(item.encryption)],
                [t('ledger.form.owner'), texts.or(item.owner)],
                [t('ledger.form.storageLocation'), texts.or(item.storageLocation)],
                [t('ledger.form.purchaseDate'), texts.date(item.purchaseDate)],
                [t('ledger.form.warrantyEnd'), texts.date(item.warrantyEnd)],
                [t('ledger.form.notes'), texts.or(item.notes)],
                [
                  t('ledger.details.erasureCertificate'),
                  item.erasureCertificate
                    ? t('ledger.details.certificateValue', {
                        number: item.erasureCertificate.number,
                        date: texts.dateTime(item.erasureCertificate.linkedAt),
                      })
                    : t('ledger.details.noCertificate'),
                ],
                ...(item.disposal
                  ? [
                      [
                        t('ledger.details.disposal'),
                        t('ledger.details.disposalValue', {
                          method: texts.disposal(item.disposal.method),
                          by: item.disposal.disposedBy,
                          date: texts.dateTime(item.disposal.disposedAt),
                        }),
                      ] as const,
                    ]
                  : []),
                [t('ledger.details.registeredAt'), texts.dateTime(item.createdAt)],
              ]}
            />
            {item.erasureCertificate && <Link href="#/certificates">{t('ledger.details.openCertificates')}</Link>}
          </div>
        )}
      </section>

      <section className={styles.wide} aria-labelledby="ledger-history-heading">
        <Subtitle1 as="h2" id="ledger-history-heading" className={styles.heading}>
          {t('ledger.history.title')}
        </Subtitle1>
        {checkouts.length === 0 ? <Text role="status">{t('ledger.history.empty')}</Text> : <CheckoutHistory checkouts={checkouts} />}
      </section>

      {ActiveDialog && dialog && <ActiveDialog item={item} onDone={finished(`ledger.done.${dialog}`)} onClose={() => setDialog(null)} />}
      <Link href={hrefOf({ view: 'list' })}>{t('ledger.backToList')}</Link>
    </>
  );
}

function CheckoutHistory({ checkouts }: { checkouts: readonly Checkout[] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useLedgerTexts();
  const columns: RecordsColumn<Checkout>[] = [
    {
      id: 'out',
      header: t('ledger.history.out'),
      cellClassName: styles.cell,
      cell: (row) => (
        <div className={styles.stack}>
          <Text>{texts.dateTime(row.checkedOutAt)}</Text>
          <Text size={200} className={styles.muted}>
            {row.custodian}
          </Text>
        </div>
      ),
    },
    {
      id: 'purpose',
      header: t('ledger.history.purpose'),
      cellClassName: styles.cell,
      cell: (row) => (
        <div className={styles.stack}>
          <Text>{row.purpose}</Text>
          {row.visitReference && (
            <Text size={200} className={styles.muted}>
              {row.visitReference}
            </Text>
          )}
          {row.permission && (
            <Text size={200} className={styles.muted}>
              {t('ledger.history.permission', { administrator: row.permission.administrator })}
            </Text>
          )}
        </div>
      ),
    },
    {
      id: 'due',
      header: t('ledger.checkOut.returnDate'),
      cellClassName: styles.cell,
      cell: (row) => <Text>{texts.date(row.expectedReturnDate)}</Text>,
    },
    {
      id: 'returned',
      header: t('ledger.history.returned'),
      cellClassName: styles.cell,
      cell: (row) =>
        row.returnedAt === null ? (
          <Text>{t('ledger.history.notReturned')}</Text>
        ) : (
          <div className={styles.stack}>
            <Text>{texts.dateTime(row.returnedAt)}</Text>
            <Text size={200} className={styles.muted}>
              {t('ledger.history.returnedBy', {
                name: row.returnedBy ?? '—',
                state: row.returnState ? texts.returnState(row.returnState) : '—',
              })}
            </Text>
            {row.returnNote && (
              <Text size={200} className={styles.muted}>
                {row.returnNote}
              </Text>
            )}
          </div>
        ),
    },
  ];
  return (
    <RecordsTable
      labelledBy="ledger-history-heading"
      testId="ledger-history"
      minWidth="760px"
      columns={columns}
      rows={checkouts}
      rowKey={(row) => row.id}
    />
  );
}
