/** The title bar's lock button and, for a password-only vault, the badge that says so everywhere. */
import { Badge, Button } from '@fluentui/react-components';
import { LockClosed20Regular } from '@fluentui/react-icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../lib/bridge';
import { useApplyVaultStatus, useVaultStatus } from './use-vault';

export function LockButton() {
  const { t } = useTranslation();
  const status = useVaultStatus();
  const apply = useApplyVaultStatus();
  const lock = useMutation({ mutationFn: () => invoke('vault.lock', {}), onSuccess: apply });
  return (
    <>
      {status.data?.protection === 'password-only' && (
        <Badge appearance="filled" color="warning">
          {t('vault.passwordOnly.badge')}
        </Badge>
      )}
      <Button appearance="subtle" icon={<LockClosed20Regular />} onClick={() => lock.mutate()} disabled={lock.isPending}>
        {t('vault.lock')}
      </Button>
    </>
  );
}
