/**
 * Where the work was done (E.3 b): the hospital (required), the department, the site
 * administrator who countersigns, the reference, and what becomes of the medium afterwards.
 * The certificate prints them; the whole-medium erasure uses the same answers.
 */
import { Field, Input, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MediumAfter, SiteDetails } from '@shared/erasure';
import { useErasureStyles } from './erasure-styles';

export function SiteFields({ site, onChange }: { site: SiteDetails; onChange: (next: SiteDetails) => void }) {
  const styles = useErasureStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.fields}>
      {(['hospital', 'department', 'administrator', 'reference'] as const).map((field) => (
        <Field key={field} label={t(`erasure.site.${field}`)} required={field === 'hospital'}>
          <Input value={site[field]} onChange={(_e, d) => onChange({ ...site, [field]: d.value })} />
        </Field>
      ))}
      <Field label={t('erasure.site.mediumAfter')}>
        <Select
          value={site.mediumAfter ?? ''}
          onChange={(_e, d) => onChange({ ...site, mediumAfter: d.value === '' ? undefined : (d.value as MediumAfter) })}
        >
          {(['', 'returned', 'reused', 'disposed', 'kept'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`erasure.site.mediumAfterOptions.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
