/**
 * A system's profile as recorded for its site (GUIDELINE.md §5): the ports — direction,
 * number, use, and whether used here (an icon and a word) — and the data locations with what
 * each holds. The decommissioning procedure erases exactly these locations.
 */
import {
  Badge,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircle16Filled, CircleOff16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { SiteSystem } from './use-sites';
import { NumericCell, NumericHeaderCell, PathCell, TextCell, useTableCellStyles } from '../../components/table-cells';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  wrap: { overflowX: 'auto' },
  table: { minWidth: '640px' },
  direction: { width: '140px' },
  port: { width: '100px' },
  enabled: { width: '136px' },
  // A path stays on one line (its middle left out, the whole of it in a tooltip and a copy button).
  path: { width: '45%' },
  muted: { color: tokens.colorNeutralForeground3 },
  // The badge lines up with the text cells of its row, which are top-aligned.
  top: { verticalAlign: 'top' },
});

export function SystemProfile({ system }: { system: SiteSystem }) {
  const styles = useStyles();
  const cells = useTableCellStyles();
  const { t } = useTranslation();
  return (
    <>
      <div className={styles.block}>
        <Subtitle2 as="h3" id="system-ports-heading" className={styles.heading}>
          {t('sites.ports.title')}
        </Subtitle2>
        {system.ports.length === 0 ? (
          <Text className={styles.muted}>{t('sites.ports.none')}</Text>
        ) : (
          <div className={styles.wrap}>
            <Table aria-labelledby="system-ports-heading" className={styles.table} size="small" data-testid="system-ports">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.direction}>{t('sites.ports.columns.direction')}</TableHeaderCell>
                  <NumericHeaderCell className={styles.port}>{t('sites.ports.columns.port')}</NumericHeaderCell>
                  <TableHeaderCell>{t('sites.ports.columns.use')}</TableHeaderCell>
                  <TableHeaderCell className={styles.enabled}>{t('sites.ports.columns.enabled')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {system.ports.map((rule, index) => (
                  <TableRow key={`${rule.direction}-${rule.port}-${index}`} data-port={rule.port} data-enabled={rule.enabled}>
                    <TextCell>{t(`sites.ports.direction.${rule.direction}`)}</TextCell>
                    <NumericCell>{rule.port}</NumericCell>
                    <TextCell>{rule.use || <Text className={styles.muted}>—</Text>}</TextCell>
                    <TableCell className={mergeClasses(cells.nowrap, styles.top)}>
                      <Badge
                        appearance="tint"
                        shape="rounded"
                        color={rule.enabled ? 'success' : 'subtle'}
                        icon={rule.enabled ? <CheckmarkCircle16Filled /> : <CircleOff16Regular />}
                      >
                        {t(rule.enabled ? 'sites.ports.used' : 'sites.ports.notUsed')}
                      </Badge>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </div>
      <div className={styles.block}>
        <Subtitle2 as="h3" id="system-locations-heading" className={styles.heading}>
          {t('sites.locations.title')}
        </Subtitle2>
        {system.dataLocations.length === 0 ? (
          <Text className={styles.muted}>{t('sites.locations.none')}</Text>
        ) : (
          <div className={styles.wrap}>
            <Table aria-labelledby="system-locations-heading" className={styles.table} size="small" data-testid="system-locations">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.path}>{t('sites.locations.columns.path')}</TableHeaderCell>
                  <TableHeaderCell>{t('sites.locations.columns.holds')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {system.dataLocations.map((location, index) => (
                  <TableRow key={`${location.path}-${index}`} data-path={location.path}>
                    <PathCell value={location.path} />
                    <TextCell>{location.holds || <Text className={styles.muted}>—</Text>}</TextCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </div>
    </>
  );
}
