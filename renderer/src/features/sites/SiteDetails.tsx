/** A site as recorded: department, address, the system administrator and how to reach them, and notes. */
import { useTranslation } from 'react-i18next';
import { FactList } from '../../components/FactList';
import type { Site } from './use-sites';

export function SiteDetails({ site }: { site: Site }) {
  const { t } = useTranslation();
  const admin = site.administrator;
  const or = (value: string) => (value === '' ? '—' : value);
  const person =
    admin.name === ''
      ? t('sites.list.noAdministrator')
      : admin.title === ''
        ? admin.name
        : t('sites.site.adminWithTitle', { name: admin.name, title: admin.title });
  return (
    <div data-testid="site-details">
      <FactList
        facts={[
          [t('sites.form.department'), or(site.department)],
          [t('sites.form.address'), or(site.address)],
          [t('sites.form.administrator'), person],
          [t('sites.form.adminPhone'), or(admin.phone)],
          [t('sites.form.adminMail'), or(admin.mail)],
          [t('sites.form.notes'), or(site.notes)],
        ]}
      />
    </div>
  );
}
