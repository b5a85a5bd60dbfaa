/**
 * How long the vault may stay open without use before it locks itself (1–30 minutes). The
 * value is kept inside the vault; each change is audited.
 */
import { useTranslation } from 'react-i18next';
import { useVaultStatus } from '../vault/use-vault';
import { NumberSettingSection } from './NumberSettingSection';
import { useSetAutoLock } from './use-settings';

const MIN = 1;
const MAX = 30;

export function AutoLockSection({ className }: { className: string }) {
  const { t } = useTranslation();
  const status = useVaultStatus();
  const save = useSetAutoLock();
  return (
    <NumberSettingSection
      className={className}
      headingId="settings-autolock-heading"
      textsKey="settings.autoLock"
      min={MIN}
      max={MAX}
      query={status}
      current={status.data?.autoLockMinutes ?? null}
      save={save}
      savedMessage={(saved, value) => t('settings.autoLock.saved', { minutes: saved.autoLockMinutes ?? value })}
    />
  );
}
