/**
 * Which true types may be handed to a site: one checkbox per type, by its friendly name. The
 * list offered is the default allow-list (10-5); a type allowed on record that the list does
 * not know (set by a newer version or the CLI) is shown too, so saving never drops it unseen.
 */
import { DEFAULT_ALLOWED_TYPES } from '@shared/sanitize';
import { Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSanitizeTexts } from '../sanitize/use-sanitize-texts';
import { PolicyFieldset } from './PolicyFieldset';

/** The default allow-list of the pipeline (electron/core/sanitize/sanitize-policy.ts), in the order shown. */
export const OFFERED_TYPES: readonly string[] = DEFAULT_ALLOWED_TYPES;

const useStyles = makeStyles({
  // A label on two lines must not push its neighbours' checkboxes down.
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
});

export function typesShown(recorded: readonly string[]): string[] {
  return [...OFFERED_TYPES, ...recorded.filter((type) => !OFFERED_TYPES.includes(type))];
}

export function AllowedTypesFieldset({
  shown,
  allowed,
  onChange,
}: {
  shown: readonly string[];
  allowed: ReadonlySet<string>;
  onChange: (type: string, value: boolean) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useSanitizeTexts();
  return (
    <PolicyFieldset
      legend={t('settings.sanitizePolicy.types.legend')}
      hint={<Text size={200}>{t('settings.sanitizePolicy.types.hint')}</Text>}
    >
      <div className={styles.grid} data-testid="sanitize-allowed-types">
        {shown.map((type) => (
          <Checkbox
            key={type}
            checked={allowed.has(type)}
            label={texts.typeName(type)}
            onChange={(_event, data) => onChange(type, data.checked === true)}
          />
        ))}
      </div>
    </PolicyFieldset>
  );
}
