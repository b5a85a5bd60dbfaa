/**
 * The steps of an item's life, each asked in its own dialog: check-out for a visit (7-1, 7-2:
 * who, why, which visit, the site administrator's permission when it carries a site's data,
 * when it comes back), return with its state, the permission recorded later, loss (the
 * incident procedure starts from it: confirmed, in red), found again, the erasure certificate
 * it was erased under, and disposal (confirmed, in red, only once nobody can read what was on it).
 */
import { useState } from 'react';
import {
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { disposalMethods, returnStates, type DisposalMethod, type ReturnState } from '@shared/ledger';
import { FactList } from '../../components/FactList';
import { ErrorState } from '../../components/ErrorState';
import { useVaultStatus } from '../vault/use-vault';
import { LedgerDialog } from './LedgerDialog';
import { useErasureCertificates, useLedgerStep, usePlannedVisitsToCheckOutFor, useVisitsInProgress, type LedgerItem } from './use-ledger';
import { addDays, formatCalendarDate, todayInJapan, useLedgerTexts } from './use-ledger-texts';
import { timeInJapan } from '@shared/format-date';
import { DateField } from '../../components/DateField';
import { DateTimeField } from '../../components/DateTimeField';

export interface StepDialogProps {
  readonly item: LedgerItem;
  /** `incidentRunId`: the incident-response procedure a loss started (18-1), when the medium was out for a visit. */
  readonly onDone: (outcome?: { readonly incidentRunId: string | null }) => void;
  readonly onClose: () => void;
}

/** The engineer named in the vault's profile: who usually takes, returns or disposes of a medium. */
function useEngineerName(): string {
  return useVaultStatus().data?.profile?.name ?? '';
}

/** Now in Japan time for a date-and-time field: `YYYY-MM-DDTHH:mm`. */
function nowInJapanLocal(now: Date = new Date()): string {
  return `${todayInJapan(now)}T${timeInJapan(now)}`;
}

/** A date-and-time field's value read as Japan time, as the instant the contract takes. */
function japanInstant(local: string): string {
  return `${local}:00+09:00`;
}

const requiredMessage = (checked: boolean, value: string, message: string) => (checked && value.trim() === '' ? message : undefined);

/** The site administrator's name and when they permitted it, typed in Japan time. */
function PermissionFields({
  checked,
  administrator,
  grantedAt,
  onAdministrator,
  onGrantedAt,
}: {
  checked: boolean;
  administrator: string;
  grantedAt: string;
  onAdministrator: (value: string) => void;
  onGrantedAt: (value: string) => void;
}) {
  const { t } = useTranslation();
  const adminProblem = requiredMessage(checked, administrator, t('ledger.checkOut.administratorRequired'));
  const timeProblem = requiredMessage(checked, grantedAt, t('ledger.checkOut.grantedAtRequired'));
  return (
    <>
      <Field
        label={t('ledger.checkOut.administrator')}
        required
        hint={t('ledger.checkOut.administratorHint')}
        validationState={adminProblem ? 'error' : 'none'}
        validationMessage={adminProblem}
      >
        <Input value={administrator} maxLength={100} autoComplete="off" onChange={(_event, data) => onAdministrator(data.value)} />
      </Field>
      <DateTimeField label={t('ledger.checkOut.grantedAt')} required value={grantedAt} error={timeProblem} onChange={onGrantedAt} />
    </>
  );
}

export function CheckOutDialog({ item, onDone, onClose }: StepDialogProps) {
  const { t } = useTranslation();
  const step = useLedgerStep('ledger.checkOut');
  const [custodian, setCustodian] = useState(useEngineerName());
  const [purpose, setPurpose] = useState('');
  const [visit, setVisit] = useState('');
  const [visitId, setVisitId] = useState('');
  const [plannedVisitId, setPlannedVisitId] = useState('');
  const visits = useVisitsInProgress();
  const runs = visits.data?.runs ?? [];
  const plans = usePlannedVisitsToCheckOutFor().data?.visits ?? [];
  const { language } = useLedgerTexts();
  const [returnDate, setReturnDate] = useState(() => addDays(todayInJapan(), 7));
  const [carries, setCarries] = useState(false);
  const [administrator, setAdministrator] = useState('');
  const [grantedAt, setGrantedAt] = useState(nowInJapanLocal);
  const [checked, setChecked] = useState(false);
  const today = todayInJapan();
  const custodianProblem = requiredMessage(checked, custodian, t('ledger.checkOut.custodianRequired'));
  const purposeProblem = requiredMessage(checked, purpose, t('ledger.checkOut.purposeRequired'));
  const dateProblem = checked && (returnDate === '' || returnDate < today) ? t('ledger.checkOut.returnDateInvalid') : undefined;

  const submit = () => {
    setChecked(true);
    const missing =
      custodian.trim() === '' ||
      purpose.trim() === '' ||
      returnDate === '' ||
      returnDate < today ||
      (carries && (administrator.trim() === '' || grantedAt === ''));
    if (missing) return;
    step.mutate(
      {
        itemId: item.id,
        custodian: custodian.trim(),
        purpose: purpose.trim(),
        ...(visitId === '' ? {} : { visitId }),
        ...(plannedVisitId === '' ? {} : { plannedVisitId }),
        visitReference: visit.trim(),
        expectedReturnDate: returnDate,
        carriesSiteData: carries,
        ...(carries ? { permission: { administrator: administrator.trim(), grantedAt: japanInstant(grantedAt) } } : {}),
      },
      { onSuccess: () => onDone() },
    );
  };

  return (
    <LedgerDialog
      title={t('ledger.checkOut.title', { label: item.label })}
      submitLabel={t('ledger.checkOut.submit')}
      pendingLabel={t('ledger.dialog.saving')}
      pending={step.isPending}
      error={step.error}
      onSubmit={submit}
      onClose={onClose}
      testId="ledger-checkout-dialog"
    >
      <Text>{t('ledger.checkOut.intro')}</Text>
      <Field
        label={t('ledger.checkOut.custodian')}
        required
        validationState={custodianProblem ? 'error' : 'none'}
        validationMessage={custodianProblem}
      >
        <Input value={custodian} maxLength={100} autoComplete="off" onChange={(_event, data) => setCustodian(data.value)} />
      </Field>
      {plans.length > 0 && (
        <Field label={t('ledger.checkOut.plannedVisit')} hint={t('ledger.checkOut.plannedVisitHint')}>
          <Select
            value={plannedVisitId}
            onChange={(_event, data) => {
              setPlannedVisitId(data.value);
              const plan = plans.find((candidate) => candidate.id === data.value);
              if (!plan) return;
              // What the plan already says is filled in; the engineer can still change it before recording.
              setVisitId('');
              setVisit([plan.date, plan.siteName, plan.workOrder].filter(Boolean).join(' '));
              if (purpose.trim() === '') setPurpose(plan.purpose);
              if (plan.date >= today) setReturnDate(addDays(plan.date, 1));
              if (plan.dataToCarry !== '') {
                setCarries(true);
                if (administrator.trim() === '') setAdministrator(plan.administrator);
              }
            }}
          >
            <option value="">{t('ledger.checkOut.visitNone')}</option>
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {t('ledger.checkOut.plannedVisitOption', {
                  date: formatCalendarDate(plan.date, language),
                  site: plan.siteName,
                  purpose: plan.purpose,
                })}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field
        label={t('ledger.checkOut.purpose')}
        required
        hint={t('ledger.checkOut.purposeHint')}
        validationState={purposeProblem ? 'error' : 'none'}
        validationMessage={purposeProblem}
      >
        <Textarea value={purpose} maxLength={500} rows={2} resize="vertical" onChange={(_event, data) => setPurpose(data.value)} />
      </Field>
      {runs.length > 0 && plannedVisitId === '' && (
        <Field label={t('ledger.checkOut.visitRun')} hint={t('ledger.checkOut.visitRunHint')}>
          <Select
            value={visitId}
            onChange={(_event, data) => {
              setVisitId(data.value);
              const run = runs.find((candidate) => candidate.id === data.value);
              setVisit(run ? run.reference : '');
            }}
          >
            <option value="">{t('ledger.checkOut.visitNone')}</option>
            {runs.map((run) => (
              <option key={run.id} value={run.id}>
                {t('ledger.checkOut.visitOption', { reference: run.reference, site: run.siteName })}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field
        label={t('ledger.checkOut.visit')}
        hint={t(
          plannedVisitId !== ''
            ? 'ledger.checkOut.visitFromPlan'
            : visitId === ''
              ? 'ledger.checkOut.visitHint'
              : 'ledger.checkOut.visitFromRun',
        )}
      >
        <Input
          value={visit}
          maxLength={200}
          autoComplete="off"
          readOnly={visitId !== ''}
          onChange={(_event, data) => setVisit(data.value)}
        />
      </Field>
      <Field
        label={t('ledger.checkOut.returnDate')}
        required
        hint={t('ledger.checkOut.returnDateHint')}
        validationState={dateProblem ? 'error' : 'none'}
        validationMessage={dateProblem}
      >
        <DateField value={returnDate} onChange={setReturnDate} />
      </Field>
      <Field hint={t('ledger.checkOut.carriesHint')}>
        <Checkbox label={t('ledger.checkOut.carries')} checked={carries} onChange={(_event, data) => setCarries(data.checked === true)} />
      </Field>
      {carries && (
        <PermissionFields
          checked={checked}
          administrator={administrator}
          grantedAt={grantedAt}
          onAdministrator={setAdministrator}
          onGrantedAt={setGrantedAt}
        />
      )}
    </LedgerDialog>
  );
}

export function PermissionDialog({ item, onDone, onClose }: StepDialogProps) {
  const { t } = useTranslation();
  const step = useLedgerStep('ledger.recordPermission');
  const [administrator, setAdministrator] = useState('');
  const [grantedAt, setGrantedAt] = useState(nowInJapanLocal);
  const [checked, setChecked] = useState(false);
  const submit = () => {
    setChecked(true);
    if (administrator.trim() === '' || grantedAt === '') return;
    step.mutate(
      { itemId: item.id, permission: { administrator: administrator.trim(), grantedAt: japanInstant(grantedAt) } },
      { onSuccess: () => onDone() },
    );
  };
  return (
    <LedgerDialog
      title={t('ledger.permission.title', { label: item.label })}
      submitLabel={t('ledger.permission.submit')}
      pendingLabel={t('ledger.dialog.saving')}
      pending={step.isPending}
      error={step.error}
      onSubmit={submit}
      onClose={onClose}
      testId="ledger-permission-dialog"
    >
      <Text>{t('ledger.permission.intro')}</Text>
      <PermissionFields
        checked={checked}
        administrator={administrator}
        grantedAt={grantedAt}
        onAdministrator={setAdministrator}
        onGrantedAt={setGrantedAt}
      />
    </LedgerDialog>
  );
}

export function CheckInDialog({ item, onDone, onClose }: StepDialogProps) {
  const { t } = useTranslation();
  const texts = useLedgerTexts();
  const step = useLedgerStep('ledger.checkIn');
  const [returnedBy, setReturnedBy] = useState(useEngineerName());
  const [state, setState] = useState<ReturnState>('good');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const byProblem = requiredMessage(checked, returnedBy, t('ledger.checkIn.returnedByRequired'));
  const submit = () => {
    setChecked(true);
    if (returnedBy.trim() === '') return;
    step.mutate({ itemId: item.id, returnedBy: returnedBy.trim(), state, note: note.trim() }, { onSuccess: () => onDone() });
  };
  return (
    <LedgerDialog
      title={t('ledger.checkIn.title', { label: item.label })}
      submitLabel={t('ledger.checkIn.submit')}
      pendingLabel={t('ledger.dialog.saving')}
      pending={step.isPending}
      error={step.error}
      onSubmit={submit}
      onClose={onClose}
      testId="ledger-checkin-dialog"
    >
      <Field label={t('ledger.checkIn.returnedBy')} required validationState={byProblem ? 'error' : 'none'} validationMessage={byProblem}>
        <Input value={returnedBy} maxLength={100} autoComplete="off" onChange={(_event, data) => setReturnedBy(data.value)} />
      </Field>
      <Field label={t('ledger.checkIn.state')} required>
        <RadioGroup value={state} onChange={(_event, data) => setState(data.value as ReturnState)}>
          {returnStates.map((value) => (
            <Radio key={value} value={value} label={texts.returnState(value)} />
          ))}
        </RadioGroup>
      </Field>
      {state === 'holds-data' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('ledger.checkIn.holdsDataHint')}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t('ledger.checkIn.note')}>
        <Textarea value={note} maxLength={1000} rows={2} resize="vertical" onChange={(_event, data) => setNote(data.value)} />
      </Field>
    </LedgerDialog>
  );
}

export function LostDialog({ item, onDone, onClose }: StepDialogProps) {
  const { t } = useTranslation();
  const step = useLedgerStep('ledger.markLost');
  const [note, setNote] = useState('');
  return (
    <LedgerDialog
      destructive
      title={t('ledger.lost.title', { label: item.label })}
      submitLabel={t('ledger.lost.submit')}
      pendingLabel={t('ledger.dialog.saving')}
      pending={step.isPending}
      error={step.error}
      onSubmit={() =>
        step.mutate({ itemId: item.id, note: note.trim() }, { onSuccess: (result) => onDone({ incidentRunId: result.incidentRunId }) })
      }
      onClose={onClose}
      testId="ledger-lost-dialog"
    >
      <Text>{t('ledger.lost.body')}</Text>
      <Field label={t('ledger.lost.note')} hint={t('ledger.lost.noteHint')}>
        <Textarea value={note} maxLength={1000} rows={3} resize="vertical" onChange={(_event, data) => setNote(data.value)} />
      </Field>
    </LedgerDialog>
  );
}

export function FoundDialog({ item, onDone, onClose }: StepDialogProps) {
  const { t } = useTranslation();
  const step = useLedgerStep('ledger.markFound');
  const [note, setNote] = useState('');
  return (
    <LedgerDialog
      title={t('ledger.found.title', { label: item.label })}
      submitLabel={t('ledger.found.submit')}
      pendingLabel={t('ledger.dialog.saving')}
      pending={step.isPending}
      error={step.error}
      onSubmit={() => step.mutate({ itemId: item.id, note: note.trim() }, { onSuccess: () => onDone() })}
      onClose={onClose}
      testId="ledger-found-dialog"
    >
      <Text>{t('ledger.found.body')}</Text>
      <Field label={t('ledger.found.note')}>
        <Textarea value={note} maxLength={1000} rows={3} resize="vertical" onChange={(_event, data) => setNote(data.value)} />
      </Field>
    </LedgerDialog>
  );
}

export function ErasureDialog({ item, onDone, onClose }: StepDialogProps) {
  const { t } = useTranslation();
  const texts = useLedgerTexts();
  const step = useLedgerStep('ledger.recordErasure');
  const certificates = useErasureCertificates();
  const [chosen, setChosen] = useState('');
  const list = certificates.data?.certificates ?? [];
  const selected = chosen || list[0]?.id || '';
  return (
    <LedgerDialog
      title={t('ledger.erasure.title', { label: item.label })}
      submitLabel={t('ledger.erasure.submit')}
      pendingLabel={t('ledger.dialog.saving')}
      pending={step.isPending}
      error={step.error}
      submitDisabled={selected === ''}
      onSubmit={() => step.mutate({ itemId: item.id, certificateId: selected }, { onSuccess: () => onDone() })}
      onClose={onClose}
      testId="ledger-erasure-dialog"
    >
      <Text>{t('ledger.erasure.intro')}</Text>
      {certificates.isPending && <Spinner size="small" label={t('app.loading')} />}
      {certificates.isError && <ErrorState error={certificates.error} onRetry={() => void certificates.refetch()} />}
      {certificates.isSuccess && list.length === 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t('ledger.erasure.none')} <Link href="#/erasure">{t('ledger.erasure.openErasure')}</Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {list.length > 0 && (
        <Field label={t('ledger.erasure.certificate')} required>
          <Select value={selected} onChange={(_event, data) => setChosen(data.value)}>
            {list.map((certificate) => (
              <option key={certificate.id} value={certificate.id}>
                {t('ledger.erasure.option', { number: certificate.number, date: texts.dateTime(certificate.issuedAt) })}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </LedgerDialog>
  );
}

export function DisposeDialog({ item, onDone, onClose }: StepDialogProps) {
  const { t } = useTranslation();
  const texts = useLedgerTexts();
  const step = useLedgerStep('ledger.dispose');
  const [disposedBy, setDisposedBy] = useState(useEngineerName());
  const [method, setMethod] = useState<DisposalMethod>('physical-destruction');
  const [note, setNote] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [checked, setChecked] = useState(false);
  const byProblem = requiredMessage(checked, disposedBy, t('ledger.dispose.disposedByRequired'));
  const confirmProblem = checked && !confirmed ? t('ledger.dispose.confirmRequired') : undefined;
  const submit = () => {
    setChecked(true);
    if (disposedBy.trim() === '' || !confirmed) return;
    step.mutate(
      { itemId: item.id, disposedBy: disposedBy.trim(), method, noReadableDataConfirmed: true, note: note.trim() },
      { onSuccess: () => onDone() },
    );
  };
  return (
    <LedgerDialog
      destructive
      title={t('ledger.dispose.title', { label: item.label })}
      submitLabel={t('ledger.dispose.submit')}
      pendingLabel={t('ledger.dialog.saving')}
      pending={step.isPending}
      error={step.error}
      onSubmit={submit}
      onClose={onClose}
      testId="ledger-dispose-dialog"
    >
      <Text>{t('ledger.dispose.body')}</Text>
      <FactList facts={[[t('ledger.details.erasureCertificate'), item.erasureCertificate?.number ?? t('ledger.details.noCertificate')]]} />
      <Field label={t('ledger.dispose.disposedBy')} required validationState={byProblem ? 'error' : 'none'} validationMessage={byProblem}>
        <Input value={disposedBy} maxLength={100} autoComplete="off" onChange={(_event, data) => setDisposedBy(data.value)} />
      </Field>
      <Field label={t('ledger.dispose.method')} required>
        <Select value={method} onChange={(_event, data) => setMethod(data.value as DisposalMethod)}>
          {disposalMethods.map((value) => (
            <option key={value} value={value}>
              {texts.disposal(value)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('ledger.dispose.note')} hint={t('ledger.dispose.noteHint')}>
        <Textarea value={note} maxLength={1000} rows={2} resize="vertical" onChange={(_event, data) => setNote(data.value)} />
      </Field>
      <Field validationState={confirmProblem ? 'error' : 'none'} validationMessage={confirmProblem}>
        <Checkbox
          label={t('ledger.dispose.confirm')}
          checked={confirmed}
          onChange={(_event, data) => setConfirmed(data.checked === true)}
        />
      </Field>
    </LedgerDialog>
  );
}
