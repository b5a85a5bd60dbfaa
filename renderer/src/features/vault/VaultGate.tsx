/**
 * Nothing of the app shows until the vault is open (7-3): first run shows the setup wizard,
 * a locked vault the unlock screen. A lock from the main process (idle, OS lock, suspend)
 * brings the unlock screen back at once.
 */
import type { ReactNode } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { GateFrame } from './GateFrame';
import { SetupWizard } from './SetupWizard';
import { UnlockScreen } from './UnlockScreen';
import { useVaultLockedEvent, useVaultStatus } from './use-vault';

export function VaultGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const status = useVaultStatus();
  useVaultLockedEvent();
  if (status.isPending) return <Spinner label={t('app.loading')} style={{ marginTop: '30vh' }} />;
  if (status.isError) {
    return (
      <GateFrame title={t('vault.unlock.title')}>
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      </GateFrame>
    );
  }
  if (status.data.state === 'uninitialized') return <SetupWizard />;
  if (status.data.state === 'locked') return <UnlockScreen status={status.data} />;
  return <>{children}</>;
}
