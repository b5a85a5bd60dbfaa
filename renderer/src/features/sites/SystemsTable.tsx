/**
 * A site's systems: the product (opens the system), its version, serial number and server
 * host name, and its maintenance accounts with a red badge for vendor-default passwords (8-5).
 */
import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AccountCount } from './account-counts';
import { VendorDefaultBadge } from './AccountBadges';
import { hrefOf } from './sites-route';
import type { SiteSystem } from './use-sites';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '760px' },
  product: { width: '28%' },
  accounts: { width: '180px' },
  cell: { overflowWrap: 'anywhere', paddingBlock: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere', paddingBlock: tokens.spacingVerticalS },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface SystemsTableProps {
  readonly systems: readonly SiteSystem[];
  readonly counts: ReadonlyMap<string, AccountCount> | null;
  readonly labelledBy: string;
}

export function SystemsTable({ systems, counts, labelledBy }: SystemsTableProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const orDash = (value: string) => value || <Text className={styles.muted}>—</Text>;
  return (
    <div className={styles.wrap}>
      <Table aria-labelledby={labelledBy} className={styles.table} size="small" data-testid="systems-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.product}>{t('sites.systems.columns.product')}</TableHeaderCell>
            <TableHeaderCell>{t('sites.systems.columns.version')}</TableHeaderCell>
            <TableHeaderCell>{t('sites.systems.columns.serial')}</TableHeaderCell>
            <TableHeaderCell>{t('sites.systems.columns.hostName')}</TableHeaderCell>
            <TableHeaderCell className={styles.accounts}>{t('sites.systems.columns.accounts')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {systems.map((system) => {
            const count = counts?.get(system.id) ?? { accounts: 0, vendorDefaults: 0 };
            return (
              <TableRow key={system.id} data-system-id={system.id}>
                <TableCell className={styles.cell}>
                  <Link href={hrefOf({ view: 'system', siteId: system.siteId, systemId: system.id })}>{system.product}</Link>
                </TableCell>
                <TableCell className={styles.cell}>{orDash(system.version)}</TableCell>
                <TableCell className={styles.code}>{orDash(system.serial)}</TableCell>
                <TableCell className={styles.code}>{orDash(system.hostName)}</TableCell>
                <TableCell className={styles.cell}>
                  {counts === null ? (
                    '—'
                  ) : (
                    <div className={styles.stack}>
                      <Text>{t('sites.systems.accountCount', { count: count.accounts })}</Text>
                      {count.vendorDefaults > 0 && <VendorDefaultBadge count={count.vendorDefaults} />}
                    </div>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
