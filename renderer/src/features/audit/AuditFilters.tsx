/**
 * The audit log's filters: event types (several may be chosen), a date range in JST (both
 * days included), and free text matched against the actor and the details.
 */
import { Button, Dropdown, Field, Option, SearchBox, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { AuditEventType, auditEventTypes } from '@shared/audit';
import { DateField } from '../../components/DateField';

export interface AuditFilterDraft {
  readonly types: readonly AuditEventType[];
  /** 'YYYY-MM-DD' in JST, or ''. */
  readonly from: string;
  readonly to: string;
  readonly text: string;
}

export const emptyDraft: AuditFilterDraft = { types: [], from: '', to: '', text: '' };

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
  },
  types: { width: '230px' },
  dropdown: { minWidth: '230px', maxWidth: '230px' },
  date: { width: '190px' },
  text: { width: '210px' },
  clear: { marginTop: '26px' },
});

export function AuditFilters({ draft, onChange }: { draft: AuditFilterDraft; onChange: (next: AuditFilterDraft) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const label = (type: AuditEventType) => t(`audit.types.${type}`);
  const rangeInvalid = draft.from !== '' && draft.to !== '' && draft.to < draft.from;
  const typesText =
    draft.types.length === 0
      ? ''
      : draft.types.length <= 2
        ? draft.types.map(label).join(t('audit.filters.separator'))
        : t('audit.filters.typesCount', { count: draft.types.length });
  const empty = draft.types.length === 0 && draft.from === '' && draft.to === '' && draft.text === '';

  return (
    <div role="search" className={styles.root} aria-label={t('audit.filters.label')}>
      <Field label={t('audit.filters.types')} className={styles.types}>
        <Dropdown
          className={styles.dropdown}
          multiselect
          placeholder={t('audit.filters.allTypes')}
          value={typesText}
          selectedOptions={[...draft.types]}
          onOptionSelect={(_event, data) =>
            onChange({
              ...draft,
              types: data.selectedOptions.filter((value): value is AuditEventType => AuditEventType.safeParse(value).success),
            })
          }
        >
          {auditEventTypes.map((type) => (
            <Option key={type} value={type}>
              {label(type)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('audit.filters.from')} className={styles.date} hint={t('audit.filters.jst')}>
        <DateField value={draft.from} onChange={(day) => onChange({ ...draft, from: day })} />
      </Field>
      <Field
        label={t('audit.filters.to')}
        className={styles.date}
        validationState={rangeInvalid ? 'error' : 'none'}
        validationMessage={rangeInvalid ? t('audit.filters.rangeInvalid') : undefined}
        hint={rangeInvalid ? undefined : t('audit.filters.jst')}
      >
        <DateField value={draft.to} onChange={(day) => onChange({ ...draft, to: day })} />
      </Field>
      <Field label={t('audit.filters.text')} className={styles.text}>
        <SearchBox
          value={draft.text}
          maxLength={200}
          placeholder={t('audit.filters.textPlaceholder')}
          onChange={(_event, data) => onChange({ ...draft, text: data.value })}
        />
      </Field>
      <Button className={styles.clear} icon={<Dismiss20Regular />} disabled={empty} onClick={() => onChange(emptyDraft)}>
        {t('audit.filters.clear')}
      </Button>
    </div>
  );
}
