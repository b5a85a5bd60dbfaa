/**
 * The sites on record: name (opens the site), department, the system administrator, how many
 * systems and maintenance accounts, and a red badge where a vendor-default password is still
 * in use (8-5), so the engineer sees where to go first.
 */
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AccountCount as Counts } from './account-counts';
import { AccountCount, OrDash } from './AccountCells';
import { RecordsTable, type RecordsColumn } from './RecordsTable';
import { hrefOf } from './sites-route';
import type { Site } from './use-sites';

const useStyles = makeStyles({
  name: { width: '30%' },
  count: { width: '200px' },
  cell: { paddingBlock: tokens.spacingVerticalS },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface SitesTableProps {
  readonly sites: readonly Site[];
  /** Per site, when the systems and accounts could be read. */
  readonly counts: ReadonlyMap<string, Counts & { readonly systems: number }> | null;
  readonly labelledBy: string;
}

export function SitesTable({ sites, counts, labelledBy }: SitesTableProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const columns: RecordsColumn<Site>[] = [
    {
      id: 'name',
      header: t('sites.list.columns.name'),
      headerClassName: styles.name,
      cellClassName: styles.cell,
      cell: (site) => <Link href={hrefOf({ view: 'site', siteId: site.id })}>{site.name}</Link>,
    },
    {
      id: 'department',
      header: t('sites.list.columns.department'),
      cellClassName: styles.cell,
      cell: (site) => <OrDash value={site.department} />,
    },
    {
      id: 'administrator',
      header: t('sites.list.columns.administrator'),
      cellClassName: styles.cell,
      cell: ({ administrator: admin }) =>
        admin.name ? (
          <div className={styles.stack}>
            <Text>{admin.name}</Text>
            {admin.title && (
              <Text size={200} className={styles.muted}>
                {admin.title}
              </Text>
            )}
          </div>
        ) : (
          <Text className={styles.muted}>{t('sites.list.noAdministrator')}</Text>
        ),
    },
    {
      id: 'systems',
      header: t('sites.list.columns.systems'),
      headerClassName: styles.count,
      cellClassName: styles.cell,
      cell: (site) => {
        const count = counts?.get(site.id) ?? { systems: 0, accounts: 0, vendorDefaults: 0 };
        return (
          <AccountCount
            text={counts === null ? null : t('sites.list.counts', { systems: count.systems, accounts: count.accounts })}
            vendorDefaults={count.vendorDefaults}
          />
        );
      },
    },
  ];
  return (
    <RecordsTable
      labelledBy={labelledBy}
      testId="sites-table"
      minWidth="760px"
      columns={columns}
      rows={sites}
      rowKey={(site) => site.id}
      rowProps={(site) => ({ 'data-site-id': site.id })}
    />
  );
}
