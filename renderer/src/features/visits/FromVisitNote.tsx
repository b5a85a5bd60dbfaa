/**
 * Says that a form's site details came from the visit the screen was opened from (issue 19),
 * so the engineer knows where they came from and that they may still correct them. Shown by
 * the Erasure and Sanitize screens when opened from a visit's step.
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SiteOfVisit } from './use-site-of-visit';

export function FromVisitNote({ visit }: { visit: SiteOfVisit }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="info" layout="multiline" data-testid="from-visit">
      <MessageBarBody>{t('visits.fromVisit.filled', { reference: visit.reference, hospital: visit.hospital })}</MessageBarBody>
    </MessageBar>
  );
}
