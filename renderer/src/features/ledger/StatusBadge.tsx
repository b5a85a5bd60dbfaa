/**
 * An item's status as an icon and a word (保管中 / 持ち出し中 / 施設に設置中 / 紛失 / 消去済み /
 * 廃棄済み), never colour alone: it reads the same in greyscale and to a screen reader.
 */
import type { ReactElement } from 'react';
import { Badge, type BadgeProps } from '@fluentui/react-components';
import {
  Archive16Regular,
  ArrowExportLtr16Regular,
  Building16Regular,
  Delete16Regular,
  ShieldCheckmark16Regular,
  Warning16Filled,
} from '@fluentui/react-icons';
import type { MediumStatus } from './use-ledger';
import { useLedgerTexts } from './use-ledger-texts';

const LOOK: Record<MediumStatus, { readonly color: BadgeProps['color']; readonly icon: ReactElement }> = {
  'in-store': { color: 'success', icon: <Archive16Regular /> },
  'checked-out': { color: 'warning', icon: <ArrowExportLtr16Regular /> },
  'at-site': { color: 'brand', icon: <Building16Regular /> },
  lost: { color: 'danger', icon: <Warning16Filled /> },
  erased: { color: 'informative', icon: <ShieldCheckmark16Regular /> },
  disposed: { color: 'subtle', icon: <Delete16Regular /> },
};

export function StatusBadge({ status }: { status: MediumStatus }) {
  const texts = useLedgerTexts();
  const look = LOOK[status];
  return (
    <Badge appearance="tint" shape="rounded" size="large" color={look.color} icon={look.icon} data-status={status}>
      {texts.status(status)}
    </Badge>
  );
}
