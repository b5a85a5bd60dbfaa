/**
 * One check of a run: its status (icon and word), its name, required or optional, the
 * guideline it serves, the reason in plain words, and — when it did not pass — the steps to
 * fix it on this OS and a button to check again. The evidence is folded away below.
 */
import { Badge, Body1, Button, Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, Open20Regular } from '@fluentui/react-icons';
import { SETTINGS_PAGES } from '@shared/self-check-settings-pages';
import { useTranslation } from 'react-i18next';
import type { CheckResult, SelfCheckOs } from '@shared/self-check';
import { EvidenceDetails } from './EvidenceDetails';
import { RemediationSteps } from './RemediationSteps';
import { StatusBadge } from './StatusBadge';
import { useSelfCheckTexts } from './use-self-check-texts';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // A check that did not pass is marked by a thick edge as well as its badge.
  notPassing: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorNeutralStrokeAccessible}` },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  name: { margin: 0 },
  guideline: { color: tokens.colorNeutralForeground3 },
  fix: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

export interface CheckResultItemProps {
  readonly check: CheckResult;
  readonly os: SelfCheckOs;
  readonly running: boolean;
  readonly onRecheck: () => void;
}

export function CheckResultItem({ check, os, running, onRecheck }: CheckResultItemProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useSelfCheckTexts();
  const name = texts.checkName(check.id);
  const headingId = `self-check-${check.id}`;
  const passing = check.status === 'pass';
  const settingsPage = SETTINGS_PAGES[os][check.id];
  return (
    <li className={mergeClasses(styles.item, !passing && styles.notPassing)} data-check={check.id} data-status={check.status}>
      <div className={styles.header}>
        <StatusBadge status={check.status} />
        <Subtitle2 as="h3" id={headingId} className={styles.name}>
          {name}
        </Subtitle2>
        <Badge appearance="outline" color={check.required ? 'brand' : 'informative'} shape="rounded">
          {t(check.required ? 'selfCheck.check.required' : 'selfCheck.check.optional')}
        </Badge>
        <Caption1 className={styles.guideline}>{t('selfCheck.check.guideline', { refs: texts.guideline(check.id) })}</Caption1>
      </div>
      <Body1>{texts.reason(check)}</Body1>
      {!passing && check.status !== 'notApplicable' && (
        <div className={styles.fix}>
          <RemediationSteps os={os} id={check.id} headingId={`${headingId}-fix`} />
          {settingsPage && (
            // Opened by the main process only if it is one of the exact settings pages it allows.
            <Button
              as="a"
              size="small"
              href={settingsPage}
              target="_blank"
              rel="noreferrer"
              icon={<Open20Regular />}
              aria-label={t('selfCheck.check.openSettingFor', { check: name })}
            >
              {t('selfCheck.check.openSetting')}
            </Button>
          )}
          <Button
            size="small"
            icon={<ArrowClockwise20Regular />}
            disabledFocusable={running}
            onClick={onRecheck}
            aria-label={t('selfCheck.check.recheckFor', { check: name })}
          >
            {t('selfCheck.check.recheck')}
          </Button>
        </div>
      )}
      <EvidenceDetails checkName={name} evidence={check.evidence} />
    </li>
  );
}
