/**
 * The self-check policy on record, read-only (issue 19): the company decides it, so Settings
 * shows it and does not let the engineer edit it — it changes only by importing the company's
 * policy file. Every value is said in words, in the order of the policy file.
 */
import { useTranslation } from 'react-i18next';
import { checkIds, selfCheckOses, type SelfCheckPolicy } from '@shared/self-check';
import { FactList } from '../../components/FactList';
import { useSelfCheckTexts } from '../self-check/use-self-check-texts';
import { numberFields } from './policy-number-fields';

export function SelfCheckPolicySummary({ policy }: { policy: SelfCheckPolicy }) {
  const { t } = useTranslation();
  const texts = useSelfCheckTexts();
  const required = checkIds.filter((id) => policy.required[id]).map((id) => texts.checkName(id));
  return (
    <FactList
      facts={[
        [t('settings.selfCheckPolicy.name'), policy.name],
        ...numberFields.map((field) => [t(`settings.selfCheckPolicy.numbers.${field}`), String(policy[field])] as const),
        ...selfCheckOses.map(
          (os) =>
            [
              t(`settings.selfCheckPolicy.minimumOsVersion.${os}`),
              policy.minimumOsVersion[os] || t('settings.selfCheckPolicy.minimumOsVersion.none'),
            ] as const,
        ),
        [t('settings.selfCheckPolicy.required.legend'), required.join(t('settings.selfCheckPolicy.listSeparator'))],
        [t('settings.selfCheckPolicy.linuxOnAccessScanRequired.label'), t(policy.linuxOnAccessScanRequired ? 'common.yes' : 'common.no')],
      ]}
    />
  );
}
