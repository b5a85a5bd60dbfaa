/**
 * The media checked out for the next visit, by label, or the way to check one out for it on the
 * Ledger screen. Without media it is a thing to do only when the plan carries data away.
 */
import { Link, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { NextVisit } from '../../visits/use-planned-visits';
import { ChecklistItem } from './ChecklistItem';

export function MediaItem({ media, carriesData }: { media: NextVisit['media']; carriesData: boolean }) {
  const { t, i18n } = useTranslation();
  const labels = media.map((medium) => medium.label).join(i18n.language === 'en' ? ', ' : '、');
  return (
    <ChecklistItem
      testId="next-visit-media"
      state={media.length > 0 || !carriesData ? 'done' : 'todo'}
      action={<Link href="#/ledger">{t('dashboard.next.media.checkOut')}</Link>}
    >
      <Text>{media.length > 0 ? t('dashboard.next.media.some', { count: media.length, labels }) : t('dashboard.next.media.none')}</Text>
    </ChecklistItem>
  );
}
