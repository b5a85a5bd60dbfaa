/**
 * The sites on record: name (opens the site), department, the system administrator, how many
 * systems and maintenance accounts, and a red badge where a vendor-default password is still
 * in use (8-5), so the engineer sees where to go first.
 */
import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AccountCount } from './account-counts';
import { VendorDefaultBadge } from './AccountBadges';
import { hrefOf } from './sites-route';
import type { Site } from './use-sites';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '760px' },
  name: { width: '30%' },
  count: { width: '200px' },
  cell: { overflowWrap: 'anywhere', paddingBlock: tokens.spacingVerticalS },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface SitesTableProps {
  readonly sites: readonly Site[];
  /** Per site, when the systems and accounts could be read. */
  readonly counts: ReadonlyMap<string, AccountCount & { readonly systems: number }> | null;
  readonly labelledBy: string;
}

export function SitesTable({ sites, counts, labelledBy }: SitesTableProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.wrap}>
      <Table aria-labelledby={labelledBy} className={styles.table} size="small" data-testid="sites-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.name}>{t('sites.list.columns.name')}</TableHeaderCell>
            <TableHeaderCell>{t('sites.list.columns.department')}</TableHeaderCell>
            <TableHeaderCell>{t('sites.list.columns.administrator')}</TableHeaderCell>
            <TableHeaderCell className={styles.count}>{t('sites.list.columns.systems')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sites.map((site) => {
            const count = counts?.get(site.id) ?? { systems: 0, accounts: 0, vendorDefaults: 0 };
            const admin = site.administrator;
            return (
              <TableRow key={site.id} data-site-id={site.id}>
                <TableCell className={styles.cell}>
                  <Link href={hrefOf({ view: 'site', siteId: site.id })}>{site.name}</Link>
                </TableCell>
                <TableCell className={styles.cell}>{site.department || <Text className={styles.muted}>—</Text>}</TableCell>
                <TableCell className={styles.cell}>
                  {admin.name ? (
                    <div className={styles.stack}>
                      <Text>{admin.name}</Text>
                      {admin.title && <Text size={200} className={styles.muted}>{admin.title}</Text>}
                    </div>
                  ) : (
                    <Text className={styles.muted}>{t('sites.list.noAdministrator')}</Text>
                  )}
                </TableCell>
                <TableCell className={styles.cell}>
                  {counts === null ? (
                    '—'
                  ) : (
                    <div className={styles.stack}>
                      <Text>{t('sites.list.counts', { systems: count.systems, accounts: count.accounts })}</Text>
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
