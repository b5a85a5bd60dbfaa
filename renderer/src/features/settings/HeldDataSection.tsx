/**
 * After how many days visit data still in the vault turns red on the dashboard (1–365, by
 * default 7): a reminder to erase what was carried from a site (10-1). Kept in the vault;
 * each change is audited.
 */
import { useTranslation } from 'react-i18next';
import { useAttention, useSetHeldDataWarnDays } from '../visits/use-visits';
import { NumberSettingSection } from './NumberSettingSection';

const MIN = 1;
const MAX = 365;

export function HeldDataSection({ className }: { className: string }) {
  const { t } = useTranslation();
  const attention = useAttention();
  const save = useSetHeldDataWarnDays();
  return (
    <NumberSettingSection
      className={className}
      headingId="settings-held-data-heading"
      testId="settings-held-data"
      textsKey="visits.settings"
      min={MIN}
      max={MAX}
      query={attention}
      current={attention.data?.warnAfterDays ?? null}
      save={save}
      savedMessage={(saved) => t('visits.settings.saved', { count: saved.warnAfterDays })}
    />
  );
}
