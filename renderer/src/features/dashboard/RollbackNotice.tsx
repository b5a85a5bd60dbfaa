/**
 * Says, at the top of the dashboard, that this unlock found the vault older than this laptop
 * last saw it (issue 17; electron/core/vault/rollback-anchor.ts): someone put back an older copy
 * of the data folder, so the end of the audit log — and any record of what happened then — is
 * gone. It names the entries missing and when the keychain anchored them (JST), says that item
 * files the database no longer knows were kept rather than shredded, and whom to tell.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import type { VaultStatus } from '@shared/vault';

export function RollbackNotice({ rollback }: { rollback: NonNullable<VaultStatus['rollback']> }) {
  const { t, i18n } = useTranslation();
  return (
    <MessageBar intent="error" layout="multiline" data-testid="rollback-notice">
      <MessageBarBody>
        <MessageBarTitle>{t('dashboard.rollback.title')}</MessageBarTitle>
        {t(rollback.kind === 'older' ? 'dashboard.rollback.older' : 'dashboard.rollback.replaced', {
          from: rollback.foundSeq + 1,
          to: rollback.anchorSeq,
          seq: rollback.anchorSeq,
          at: formatDateTime(rollback.anchoredAt, i18n.language as Language),
        })}{' '}
        {t('dashboard.rollback.advice')}
      </MessageBarBody>
    </MessageBar>
  );
}
