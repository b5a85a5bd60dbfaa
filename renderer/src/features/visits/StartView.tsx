/**
 * Starting a procedure: which one (each with what it is for and the guideline items it
 * serves), at which site, on which of its systems — required for a visit and a
 * decommissioning. Without a site on record the view says so and leads to the Sites screen.
 */
import { useState, type SubmitEvent } from 'react';
import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Play20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { TemplateId } from '@shared/visits';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { hrefOf as sitesHrefOf } from '../sites/sites-route';
import { useSites, useSystems } from '../sites/use-sites';
import { VisitsBreadcrumb } from './VisitsBreadcrumb';
import { useVisitTexts } from './use-visit-texts';
import { useStartRun, useTemplates, type VisitTemplate } from './use-visits';
import { hrefOf, useVisitsRoute } from './visits-route';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '52em' },
  option: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalXS },
  description: { color: tokens.colorNeutralForeground2 },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(18em, 1fr))', gap: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

export function StartView() {
  const { t } = useTranslation();
  const templates = useTemplates();
  const sites = useSites();
  return (
    <>
      <VisitsBreadcrumb
        crumbs={[
          { label: t('visits.title'), href: hrefOf({ view: 'list' }) },
          { label: t('visits.start.title'), href: null },
        ]}
      />
      <PageHeading>{t('visits.start.title')}</PageHeading>
      <QueryView query={templates}>
        {({ templates: list }) => (
          <QueryView query={sites}>
            {({ sites: siteList }) =>
              siteList.length === 0 ? (
                <MessageBar intent="warning" layout="multiline" data-testid="visits-no-sites">
                  <MessageBarBody>
                    {t('visits.start.noSites')} <Link href={sitesHrefOf({ view: 'list' })}>{t('visits.start.openSites')}</Link>
                  </MessageBarBody>
                </MessageBar>
              ) : (
                <StartForm templates={list} sites={siteList} />
              )
            }
          </QueryView>
        )}
      </QueryView>
    </>
  );
}

type Problem = 'site' | 'system' | null;

function StartForm({
  templates,
  sites,
}: {
  templates: readonly VisitTemplate[];
  sites: ReadonlyArray<{ id: string; name: string; department: string }>;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  const { go } = useVisitsRoute();
  const start = useStartRun();
  const [templateId, setTemplateId] = useState<TemplateId>('maintenance-visit');
  const [siteId, setSiteId] = useState(sites.length === 1 ? (sites[0]?.id ?? '') : '');
  const [systemId, setSystemId] = useState('');
  const [checked, setChecked] = useState(false);
  const systems = useSystems(siteId === '' ? undefined : siteId);
  const template = templates.find((candidate) => candidate.id === templateId);
  const systemList = siteId === '' ? [] : (systems.data?.systems ?? []);
  const chosenSystem = systemList.some((system) => system.id === systemId)
    ? systemId
    : systemList.length === 1
      ? (systemList[0]?.id ?? '')
      : '';
  const needsSystem = template?.needsSystem ?? true;
  const problem: Problem = siteId === '' ? 'site' : needsSystem && chosenSystem === '' ? 'system' : null;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setChecked(true);
    if (problem) {
      document.getElementById(problem === 'site' ? 'visit-start-site' : 'visit-start-system')?.focus();
      return;
    }
    if (start.isPending) return;
    start.mutate(
      { templateId, siteId, systemId: chosenSystem === '' ? null : chosenSystem },
      { onSuccess: (run) => go({ view: 'run', runId: run.id }, { replace: true }) },
    );
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t('visits.start.title')} data-testid="visit-start-form">
      <Field label={t('visits.start.template')} required>
        <RadioGroup value={templateId} onChange={(_e, d) => setTemplateId(d.value as TemplateId)}>
          {templates.map((candidate) => (
            <Radio
              key={candidate.id}
              value={candidate.id}
              label={
                <span className={styles.option}>
                  <Text weight="semibold">{texts.templateTitle(candidate.id)}</Text>
                  <Text size={200} className={styles.description}>
                    {texts.templateDescription(candidate.id)}
                  </Text>
                  <Text size={200} className={styles.description}>
                    {t('visits.start.items', { items: texts.items(candidate.items) })}
                  </Text>
                </span>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.pair}>
        <Field
          label={t('visits.start.site')}
          required
          validationState={checked && problem === 'site' ? 'error' : 'none'}
          validationMessage={checked && problem === 'site' ? t('visits.start.chooseSiteProblem') : undefined}
        >
          <Select
            id="visit-start-site"
            value={siteId}
            onChange={(_e, d) => {
              setSiteId(d.value);
              setSystemId('');
            }}
          >
            <option value="">{t('visits.start.chooseSite')}</option>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.department ? `${site.name}（${site.department}）` : site.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={t('visits.start.system')}
          required={needsSystem}
          hint={needsSystem ? undefined : t('visits.start.systemOptional')}
          validationState={checked && problem === 'system' ? 'error' : 'none'}
          validationMessage={checked && problem === 'system' ? t('visits.start.chooseSystemProblem') : undefined}
        >
          <Select id="visit-start-system" value={chosenSystem} disabled={siteId === ''} onChange={(_e, d) => setSystemId(d.value)}>
            <option value="">{t(needsSystem ? 'visits.start.chooseSystem' : 'visits.start.noSystem')}</option>
            {systemList.map((system) => (
              <option key={system.id} value={system.id}>
                {[system.product, system.hostName].filter(Boolean).join(' / ')}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {siteId !== '' && systems.isSuccess && systemList.length === 0 && (
        <MessageBar intent={needsSystem ? 'warning' : 'info'} layout="multiline" data-testid="visits-no-systems">
          <MessageBarBody>
            {t('visits.start.noSystems')} <Link href={sitesHrefOf({ view: 'site', siteId })}>{t('visits.start.openSite')}</Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {systems.isError && <ErrorState error={systems.error} onRetry={() => void systems.refetch()} />}
      {start.isError && <ErrorState error={start.error} />}
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          icon={start.isPending ? <Spinner size="tiny" /> : <Play20Regular />}
          disabledFocusable={start.isPending}
        >
          {start.isPending ? t('visits.start.starting') : t('visits.start.submit')}
        </Button>
        <Button onClick={() => go({ view: 'list' })}>{t('visits.start.cancel')}</Button>
      </div>
    </form>
  );
}
