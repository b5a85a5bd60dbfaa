/**
 * A site's systems: the product (opens the system), its version, serial number and server
 * host name, and its maintenance accounts with a red badge for vendor-default passwords (8-5).
 */
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AccountCount as Counts } from './account-counts';
import { AccountCount, OrDash } from './AccountCells';
import { RecordsTable, type RecordsColumn } from './RecordsTable';
import { hrefOf } from './sites-route';
import type { SiteSystem } from './use-sites';

const useStyles = makeStyles({
  product: { width: '28%' },
  accounts: { width: '180px' },
  cell: { paddingBlock: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace, paddingBlock: tokens.spacingVerticalS },
});

export interface SystemsTableProps {
  readonly systems: readonly SiteSystem[];
  readonly counts: ReadonlyMap<string, Counts> | null;
  readonly labelledBy: string;
}

export function SystemsTable({ systems, counts, labelledBy }: SystemsTableProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const columns: RecordsColumn<SiteSystem>[] = [
    {
      id: 'product',
      header: t('sites.systems.columns.product'),
      headerClassName: styles.product,
      cellClassName: styles.cell,
      cell: (system) => <Link href={hrefOf({ view: 'system', siteId: system.siteId, systemId: system.id })}>{system.product}</Link>,
    },
    {
      id: 'version',
      header: t('sites.systems.columns.version'),
      cellClassName: styles.cell,
      cell: (system) => <OrDash value={system.version} />,
    },
    {
      id: 'serial',
      header: t('sites.systems.columns.serial'),
      cellClassName: styles.code,
      cell: (system) => <OrDash value={system.serial} />,
    },
    {
      id: 'hostName',
      header: t('sites.systems.columns.hostName'),
      cellClassName: styles.code,
      cell: (system) => <OrDash value={system.hostName} />,
    },
    {
      id: 'accounts',
      header: t('sites.systems.columns.accounts'),
      headerClassName: styles.accounts,
      cellClassName: styles.cell,
      cell: (system) => {
        const count = counts?.get(system.id) ?? { accounts: 0, vendorDefaults: 0 };
        return (
          <AccountCount
            text={counts === null ? null : t('sites.systems.accountCount', { count: count.accounts })}
            vendorDefaults={count.vendorDefaults}
          />
        );
      },
    },
  ];
  return (
    <RecordsTable
      labelledBy={labelledBy}
      testId="systems-table"
      minWidth="760px"
      columns={columns}
      rows={systems}
      rowKey={(system) => system.id}
      rowProps={(system) => ({ 'data-system-id': system.id })}
    />
  );
}
