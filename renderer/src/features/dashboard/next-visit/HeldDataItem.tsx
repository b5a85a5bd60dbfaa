/**
 * Visit data still held in the vault from earlier visits (10-1): it should be erased before the
 * next trip, not carried along. The Erasure screen is the one action.
 */
import { Link, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useAttention } from '../../visits/use-visits';
import { ChecklistItem, ChecklistPending } from './ChecklistItem';

export function HeldDataItem() {
  const { t } = useTranslation();
  const attention = useAttention();
  if (!attention.isSuccess) return <ChecklistPending testId="next-visit-held" query={attention} />;
  const held = attention.data.heldData;
  return (
    <ChecklistItem
      testId="next-visit-held"
      state={held.length === 0 ? 'done' : 'todo'}
      action={held.length > 0 && <Link href="#/erasure">{t('dashboard.next.held.erase')}</Link>}
    >
      <Text>{held.length === 0 ? t('dashboard.next.held.none') : t('dashboard.next.held.some', { count: held.length })}</Text>
    </ChecklistItem>
  );
}
