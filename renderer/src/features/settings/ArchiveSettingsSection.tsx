/**
 * Where the company archive is (issue 20), as the company policy names it: endpoint, region,
 * bucket, prefix, the company's id in the keys, retention and the engineer's access key. The
 * secret access key is typed here and sent once; the screen is never given it back, only told
 * that one is stored — leaving the field empty keeps it. Each field is checked with the same
 * schema the main process uses, and a wrong one is named at the field.
 */
import { useState, type SubmitEvent } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { archiveChannels } from '@shared/archive-ipc';
import { DEFAULT_RETENTION_DAYS, retentionModes, type ArchiveSettingsView } from '@shared/archive';
import { ErrorState } from '../../components/ErrorState';
import { QueryView } from '../../components/QueryView';
import { useSecretCall } from '../sites/account-secrets';
import { useArchiveStatus, useSaveArchiveSettings, type ArchiveSettingsChange } from './use-archive';

const useStyles = makeStyles({
  description: { display: 'block', marginBottom: tokens.spacingVerticalM, maxWidth: '60em' },
  form: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(240px, 1fr))', gap: tokens.spacingHorizontalL, maxWidth: '60em' },
  wide: { gridColumn: '1 / -1' },
  actions: { gridColumn: '1 / -1', display: 'flex', gap: tokens.spacingHorizontalM },
  message: { marginTop: tokens.spacingVerticalM, maxWidth: '60em' },
});

type TextField = 'endpoint' | 'region' | 'bucket' | 'prefix' | 'company' | 'accessKeyId';
type Draft = Record<TextField | 'retentionDays' | 'secretAccessKey', string> & { retentionMode: ArchiveSettingsView['retentionMode'] };

function draftOf(settings: ArchiveSettingsView | null): Draft {
  return {
    endpoint: settings?.endpoint ?? '',
    region: settings?.region ?? 'ap-northeast-1',
    bucket: settings?.bucket ?? '',
    prefix: settings?.prefix ?? 'fieldguard',
    company: settings?.company ?? '',
    accessKeyId: settings?.accessKeyId ?? '',
    retentionMode: settings?.retentionMode ?? 'COMPLIANCE',
    retentionDays: String(settings?.retentionDays ?? DEFAULT_RETENTION_DAYS),
    secretAccessKey: '',
  };
}

/** The request, or the fields at fault (the contract's own schema, so the screen and the main process agree). */
function checkDraft(draft: Draft): { ok: true; request: ArchiveSettingsChange } | { ok: false; invalid: Set<string> } {
  const { secretAccessKey, retentionDays, ...rest } = draft;
  const candidate = {
    ...rest,
    retentionDays: /^\d+$/.test(retentionDays) ? Number(retentionDays) : Number.NaN,
    ...(secretAccessKey === '' ? {} : { secretAccessKey }),
  };
  const parsed = archiveChannels['archive.saveSettings'].request.safeParse(candidate);
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, invalid: new Set(parsed.error.issues.map((issue) => String(issue.path[0]))) };
}

export function ArchiveSettingsSection({ className }: { className: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const status = useArchiveStatus();
  const save = useSecretCall(useSaveArchiveSettings());
  const [edited, setEdited] = useState<Draft | null>(null);
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState(false);

  return (
    <section className={className} aria-labelledby="settings-archive-settings-heading" data-testid="settings-archive-settings">
      <Subtitle1 as="h2" id="settings-archive-settings-heading" block>
        {t('archive.settings.title')}
      </Subtitle1>
      <Text className={styles.description}>{t('archive.settings.description')}</Text>
      <QueryView query={status}>
        {(state) => {
          const draft = edited ?? draftOf(state.settings);
          const check = checkDraft(draft);
          const secretStored = state.settings?.secretStored === true && state.settings.accessKeyId === draft.accessKeyId;
          const secretMissing = draft.secretAccessKey === '' && !secretStored;
          const invalid = (field: string) =>
            checked && ((!check.ok && check.invalid.has(field)) || (field === 'secretAccessKey' && secretMissing));
          const change = (next: Partial<Draft>) => {
            setSaved(false);
            save.reset();
            setEdited({ ...draft, ...next });
          };
          const submit = async (event: SubmitEvent) => {
            event.preventDefault();
            setChecked(true);
            if (!check.ok || secretMissing || save.pending) return;
            const answer = await save.run(check.request);
            if (answer) {
              setEdited(null);
              setChecked(false);
              setSaved(true);
            }
          };
          const field = (name: TextField, extra: { type?: 'url'; className?: string } = {}) => (
            <Field
              key={name}
              className={extra.className}
              label={t(`archive.settings.fields.${name}.label`)}
              hint={t(`archive.settings.fields.${name}.hint`)}
              required
              validationState={invalid(name) ? 'error' : 'none'}
              validationMessage={invalid(name) ? t(`archive.settings.fields.${name}.invalid`) : undefined}
            >
              <Input
                type={extra.type ?? 'text'}
                value={draft[name]}
                spellCheck={false}
                autoComplete="off"
                onChange={(_event, data) => change({ [name]: data.value })}
              />
            </Field>
          );
          return (
            <form
              className={styles.form}
              onSubmit={(event) => void submit(event)}
              noValidate
              aria-labelledby="settings-archive-settings-heading"
            >
              {field('endpoint', { type: 'url', className: styles.wide })}
              {field('region')}
              {field('bucket')}
              {field('prefix')}
              {field('company')}
              <Field className={styles.wide} label={t('archive.settings.fields.retentionMode.label')}>
                <RadioGroup
                  value={draft.retentionMode}
                  onChange={(_event, data) => change({ retentionMode: data.value as Draft['retentionMode'] })}
                >
                  {retentionModes.map((mode) => (
                    <Radio key={mode} value={mode} label={t(`archive.settings.fields.retentionMode.${mode}`)} />
                  ))}
                </RadioGroup>
              </Field>
              <Field
                label={t('archive.settings.fields.retentionDays.label')}
                hint={t('archive.settings.fields.retentionDays.hint', { days: DEFAULT_RETENTION_DAYS })}
                required
                validationState={invalid('retentionDays') ? 'error' : 'none'}
                validationMessage={invalid('retentionDays') ? t('archive.settings.fields.retentionDays.invalid') : undefined}
              >
                <Input inputMode="numeric" value={draft.retentionDays} onChange={(_event, data) => change({ retentionDays: data.value })} />
              </Field>
              <div />
              {field('accessKeyId')}
              <Field
                label={t('archive.settings.fields.secretAccessKey.label')}
                hint={t(secretStored ? 'archive.settings.fields.secretAccessKey.stored' : 'archive.settings.fields.secretAccessKey.hint')}
                required={!secretStored}
                validationState={invalid('secretAccessKey') ? 'error' : 'none'}
                validationMessage={invalid('secretAccessKey') ? t('archive.settings.fields.secretAccessKey.invalid') : undefined}
              >
                <Input
                  type="password"
                  autoComplete="off"
                  value={draft.secretAccessKey}
                  onChange={(_event, data) => change({ secretAccessKey: data.value })}
                />
              </Field>
              <div className={styles.actions}>
                <Button appearance="primary" type="submit" disabled={save.pending || edited === null}>
                  {t('archive.settings.save')}
                </Button>
              </div>
            </form>
          );
        }}
      </QueryView>
      {saved && (
        <MessageBar className={styles.message} intent="success" role="status">
          <MessageBarBody>{t('archive.settings.saved')}</MessageBarBody>
        </MessageBar>
      )}
      {save.error !== null && (
        <div className={styles.message}>
          <ErrorState error={save.error} />
        </div>
      )}
    </section>
  );
}
