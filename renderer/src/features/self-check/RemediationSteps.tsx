/** How to fix a check that did not pass, as numbered steps for the OS the run was made on. */
import { Body1, Body1Strong, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CheckId, SelfCheckOs } from '@shared/self-check';
import { useSelfCheckTexts } from './use-self-check-texts';

const useStyles = makeStyles({
  title: { display: 'block', margin: `0 0 ${tokens.spacingVerticalXS}` },
  steps: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

export function RemediationSteps({ os, id, headingId }: { os: SelfCheckOs; id: CheckId; headingId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useSelfCheckTexts();
  const steps = texts.remediation(os, id);
  if (steps.length === 0) return null;
  return (
    <div>
      <Body1Strong as="h4" id={headingId} className={styles.title}>
        {t(`selfCheck.check.remediationTitle.${os}`)}
      </Body1Strong>
      <ol className={styles.steps} aria-labelledby={headingId}>
        {steps.map((step) => (
          <li key={step}>
            <Body1>{step}</Body1>
          </li>
        ))}
      </ol>
    </div>
  );
}
