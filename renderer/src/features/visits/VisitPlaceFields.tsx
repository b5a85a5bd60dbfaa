/**
 * Where a visit happens and what it is, as both the start of a visit and a planned visit ask
 * for it: the procedure (each with what it is for and the guideline items it serves), the site,
 * and the site's system — required for a maintenance visit and a decommissioning. One site or
 * one system is chosen for the engineer; a site without systems says so and leads to it.
 * `locked` shows the choices of a plan without letting them change.
 */
import { useState } from 'react';
import { Field, Link, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TemplateId } from '@shared/visits';
import { ErrorState } from '../../components/ErrorState';
import { hrefOf as sitesHrefOf } from '../sites/sites-route';
import { useSystems } from '../sites/use-sites';
import { useVisitTexts } from './use-visit-texts';
import type { VisitTemplate } from './use-visits';

const useStyles = makeStyles({
  option: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalXS },
  description: { color: tokens.colorNeutralForeground2 },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(18em, 1fr))', gap: tokens.spacingHorizontalL },
});

export type PlaceProblem = 'site' | 'system' | null;
type SiteChoice = { id: string; name: string; department: string };

export interface VisitPlace {
  readonly templateId: TemplateId;
  readonly siteId: string;
  /** '' for none. */
  readonly systemId: string;
  readonly problem: PlaceProblem;
  readonly setTemplateId: (id: TemplateId) => void;
  readonly setSiteId: (id: string) => void;
  readonly setSystemId: (id: string) => void;
  readonly systems: ReturnType<typeof useSystems>;
  readonly needsSystem: boolean;
}

/** The chosen procedure, site and system, with the one site or system filled in when there is only one. */
export function useVisitPlace(
  templates: readonly VisitTemplate[],
  sites: readonly SiteChoice[],
  initial: { templateId: TemplateId; siteId: string; systemId: string | null } | null,
): VisitPlace {
  const [templateId, setTemplateId] = useState<TemplateId>(initial?.templateId ?? 'maintenance-visit');
  const [siteId, setSiteIdState] = useState(initial?.siteId ?? (sites.length === 1 ? (sites[0]?.id ?? '') : ''));
  const [systemId, setSystemId] = useState(initial?.systemId ?? '');
  const systems = useSystems(siteId === '' ? undefined : siteId);
  const systemList = siteId === '' ? [] : (systems.data?.systems ?? []);
  const chosenSystem = systemList.some((system) => system.id === systemId)
    ? systemId
    : systemList.length === 1 && initial?.systemId !== null
      ? (systemList[0]?.id ?? '')
      : '';
  const needsSystem = templates.find((candidate) => candidate.id === templateId)?.needsSystem ?? true;
  const problem: PlaceProblem = siteId === '' ? 'site' : needsSystem && chosenSystem === '' ? 'system' : null;
  const setSiteId = (id: string) => {
    setSiteIdState(id);
    setSystemId('');
  };
  return { templateId, siteId, systemId: chosenSystem, problem, setTemplateId, setSiteId, setSystemId, systems, needsSystem };
}

export function VisitPlaceFields({
  templates,
  sites,
  place,
  checked,
  idPrefix,
  locked = false,
}: {
  templates: readonly VisitTemplate[];
  sites: readonly SiteChoice[];
  place: VisitPlace;
  checked: boolean;
  idPrefix: string;
  locked?: boolean;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  const { siteId, systems, needsSystem, problem } = place;
  const systemList = siteId === '' ? [] : (systems.data?.systems ?? []);
  return (
    <>
      <Field label={t('visits.start.template')} required>
        <RadioGroup value={place.templateId} disabled={locked} onChange={(_e, d) => place.setTemplateId(d.value as TemplateId)}>
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
          <Select id={`${idPrefix}-site`} value={siteId} disabled={locked} onChange={(_e, d) => place.setSiteId(d.value)}>
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
          <Select
            id={`${idPrefix}-system`}
            value={place.systemId}
            disabled={locked || siteId === ''}
            onChange={(_e, d) => place.setSystemId(d.value)}
          >
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
    </>
  );
}
