/**
 * A check's status as an icon and a word (合格 / 注意 / 不合格 / 不明 / 対象外), never colour alone:
 * the badge reads the same in greyscale and to a screen reader.
 */
import type { ReactElement } from 'react';
import { Badge, type BadgeProps } from '@fluentui/react-components';
import {
  CheckmarkCircle16Filled,
  DismissCircle16Filled,
  QuestionCircle16Filled,
  SubtractCircle16Filled,
  Warning16Filled,
} from '@fluentui/react-icons';
import type { CheckStatus } from '@shared/self-check';
import { useSelfCheckTexts } from './use-self-check-texts';

const LOOK: Record<CheckStatus, { readonly color: BadgeProps['color']; readonly icon: ReactElement }> = {
  pass: { color: 'success', icon: <CheckmarkCircle16Filled /> },
  warning: { color: 'warning', icon: <Warning16Filled /> },
  fail: { color: 'danger', icon: <DismissCircle16Filled /> },
  unknown: { color: 'informative', icon: <QuestionCircle16Filled /> },
  notApplicable: { color: 'subtle', icon: <SubtractCircle16Filled /> },
};

export function StatusBadge({ status }: { status: CheckStatus }) {
  const texts = useSelfCheckTexts();
  const look = LOOK[status];
  return (
    <Badge appearance="tint" shape="rounded" size="large" color={look.color} icon={look.icon} data-status={status}>
      {texts.statusName(status)}
    </Badge>
  );
}
