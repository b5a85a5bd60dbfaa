/**
 * One check of a run: its status (icon and word), its name, required or optional, the
 * guideline it serves and the reason in plain words, always shown; folded under the name (a
 * disclosure button), the steps to fix it on this OS and a button to check again when it did
 * not pass, and the evidence. The run opens only the first check needing attention (issue 19:
 * one failing check at a time, not a 3,000 px page).
 */
import { Badge, Body1, Button, Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, ChevronDown20Regular, ChevronRight20Regular, Open20Regular } from '@fluentui/react-icons';
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
  // The name is the disclosure button: as large as the heading, left-aligned, no button chrome.
  toggle: {
    padding: 0,
    minWidth: 0,
    fontSize: 'inherit',
    fontWeight: 'inherit',
    lineHeight: 'inherit',
    textAlign: 'start',
    justifyContent: 'flex-start',
  },
  // `display: flex` would override the `hidden` attribute's own display:none.
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, '&[hidden]': { display: 'none' } },
  guideline: { color: tokens.colorNeutralForeground3 },
  fix: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

export interface CheckResultItemProps {
  readonly check: CheckResult;
  readonly os: SelfCheckOs;
  readonly running: boolean;
  readonly onRecheck: () => void;
  /** Whether its steps and evidence are shown. */
  readonly open: boolean;
  readonly onToggle: () => void;
}

export function CheckResultItem({ check, os, running, onRecheck, open, onToggle }: CheckResultItemProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useSelfCheckTexts();
  const name = texts.checkName(check.id);
  const headingId = `self-check-${check.id}`;
  const passing = check.status === 'pass';
  const settingsPage = SETTINGS_PAGES[os][check.id];
  const detailsId = `${headingId}-details`;
  return (
    <li
      className={mergeClasses(styles.item, !passing && styles.notPassing)}
      data-check={check.id}
      data-status={check.status}
      data-open={open}
    >
      <div className={styles.header}>
        <StatusBadge status={check.status} />
        <Subtitle2 as="h3" id={headingId} className={styles.name}>
          <Button
            appearance="transparent"
            className={styles.toggle}
            icon={open ? <ChevronDown20Regular /> : <ChevronRight20Regular />}
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={onToggle}
          >
            {name}
          </Button>
        </Subtitle2>
        <Badge appearance="outline" color={check.required ? 'brand' : 'informative'} shape="rounded">
          {t(check.required ? 'selfCheck.check.required' : 'selfCheck.check.optional')}
        </Badge>
        <Caption1 className={styles.guideline}>{t('selfCheck.check.guideline', { refs: texts.guideline(check.id) })}</Caption1>
      </div>
      <Body1>{texts.reason(check)}</Body1>
      <div id={detailsId} className={styles.details} hidden={!open}>
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
      </div>
    </li>
  );
}
