/**
 * A file's verdict as an icon and a word (問題なし / 無害化済み / 引き渡し不可（隔離）), never colour alone: the
 * badge reads the same in greyscale and to a screen reader.
 */
import type { ReactElement } from 'react';
import { Badge, type BadgeProps } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, DismissCircle16Filled, ShieldCheckmark16Filled } from '@fluentui/react-icons';
import type { SanitizeVerdict } from './use-sanitize';
import { useSanitizeTexts } from './use-sanitize-texts';

const LOOK: Record<SanitizeVerdict, { readonly color: BadgeProps['color']; readonly icon: ReactElement }> = {
  passed: { color: 'success', icon: <CheckmarkCircle16Filled /> },
  sanitized: { color: 'brand', icon: <ShieldCheckmark16Filled /> },
  blocked: { color: 'danger', icon: <DismissCircle16Filled /> },
};

export function VerdictBadge({ verdict }: { verdict: SanitizeVerdict }) {
  const texts = useSanitizeTexts();
  const look = LOOK[verdict];
  return (
    <Badge appearance="tint" shape="rounded" size="large" color={look.color} icon={look.icon} data-verdict={verdict}>
      {texts.verdictName(verdict)}
    </Badge>
  );
}
