/**
 * What content disarm rebuilds (issue 15): per type, "rebuild" (checked, the default) — a file
 * with macros, scripts or links to the outside is delivered rebuilt without them — or "block"
 * (unchecked) — such a file is blocked, as before. A type blocked on record that the list does
 * not know is shown too, so saving never drops it unseen.
 */
import { REBUILD_POLICY_TYPES } from '@shared/sanitize';
import { Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSanitizeTexts } from '../sanitize/use-sanitize-texts';
import { PolicyFieldset } from './PolicyFieldset';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
});

export function rebuildTypesShown(blocked: readonly string[]): string[] {
  return [...REBUILD_POLICY_TYPES, ...blocked.filter((type) => !REBUILD_POLICY_TYPES.includes(type))];
}

export function RebuildTypesFieldset({
  shown,
  blocked,
  onChange,
}: {
  shown: readonly string[];
  blocked: ReadonlySet<string>;
  onChange: (type: string, rebuild: boolean) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useSanitizeTexts();
  return (
    <PolicyFieldset
      legend={t('settings.sanitizePolicy.rebuild.legend')}
      hint={<Text size={200}>{t('settings.sanitizePolicy.rebuild.hint')}</Text>}
    >
      <div className={styles.grid} data-testid="sanitize-rebuild-types">
        {shown.map((type) => (
          <Checkbox
            key={type}
            checked={!blocked.has(type)}
            label={texts.typeName(type)}
            onChange={(_event, data) => onChange(type, data.checked === true)}
          />
        ))}
      </div>
    </PolicyFieldset>
  );
}
