/**
 * The audit log (14-2, 14-6): every security-relevant event, newest first, with filters and
 * paging; the chain can be verified for tampering, and the filtered log saved as CSV.
 */
import { useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Text,
  Toolbar,
  ToolbarButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ChevronLeft20Regular, ChevronRight20Regular, DocumentTable20Regular, ShieldCheckmark20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../lib/use-debounced';
import type { AuditFilter, AuditVerification } from '@shared/audit';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { AuditFilters, emptyDraft, type AuditFilterDraft } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { useAuditList, useExportAuditCsv, useVerifyAudit } from './use-audit';

export const PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

const useStyles = makeStyles({
  intro: { display: 'block', marginBottom: tokens.spacingVerticalL, maxWidth: '60em' },
  toolbar: { marginBottom: tokens.spacingVerticalM, paddingInline: 0, flexWrap: 'wrap' },
  messages: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
    maxWidth: '60em',
  },
  listHeader: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalS,
  },
  pager: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginInlineStart: 'auto' },
  summary: { fontVariantNumeric: 'tabular-nums' },
  footer: { display: 'flex', justifyContent: 'flex-end', marginTop: tokens.spacingVerticalM },
});

/** A JST calendar day as the ISO instant it starts at. */
function startOfJstDay(day: string): string {
  return new Date(`${day}T00:00:00+09:00`).toISOString();
}

function toFilter(draft: AuditFilterDraft, text: string): AuditFilter {
  const filter: AuditFilter = {};
  if (draft.types.length > 0) filter.types = [...draft.types];
  if (draft.from !== '') filter.from = startOfJstDay(draft.from);
  // `to` is exclusive: the chosen day is included up to its end.
  if (draft.to !== '') filter.to = new Date(Date.parse(startOfJstDay(draft.to)) + DAY_MS).toISOString();
  if (text.trim() !== '') filter.text = text.trim();
  return filter;
}

type Notice =
  | { readonly kind: 'verified'; readonly result: AuditVerification }
  | { readonly kind: 'exported'; readonly saved: boolean }
  | { readonly kind: 'error'; readonly error: unknown };

export function AuditPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilterDraft>(emptyDraft);
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const text = useDebounced(draft.text, 300);
  const filter = toFilter(draft, text);
  const list = useAuditList({ ...filter, limit: PAGE_SIZE, offset });
  const verify = useVerifyAudit();
  const exportCsv = useExportAuditCsv();

  const changeDraft = (next: AuditFilterDraft) => {
    setDraft(next);
    setOffset(0);
  };

  const runVerify = () => {
    setNotice(null);
    verify.mutate(undefined, {
      onSuccess: (result) => setNotice({ kind: 'verified', result }),
      onError: (error) => setNotice({ kind: 'error', error }),
    });
  };

  const runExport = () => {
    setNotice(null);
    exportCsv.mutate(filter, {
      onSuccess: ({ saved }) => setNotice({ kind: 'exported', saved }),
      onError: (error) => setNotice({ kind: 'error', error }),
    });
  };

  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <Text className={styles.intro}>{t('audit.intro')}</Text>

      <Toolbar aria-label={t('audit.toolbar.label')} className={styles.toolbar}>
        <ToolbarButton
          appearance="primary"
          icon={verify.isPending ? <Spinner size="tiny" /> : <ShieldCheckmark20Regular />}
          disabled={verify.isPending}
          onClick={runVerify}
        >
          {t('audit.toolbar.verify')}
        </ToolbarButton>
        <ToolbarButton
          icon={exportCsv.isPending ? <Spinner size="tiny" /> : <DocumentTable20Regular />}
          disabled={exportCsv.isPending}
          onClick={runExport}
        >
          {t('audit.toolbar.exportCsv')}
        </ToolbarButton>
      </Toolbar>

      {notice && (
        <div className={styles.messages}>
          <NoticeBar notice={notice} />
        </div>
      )}

      <AuditFilters draft={draft} onChange={changeDraft} />

      <section aria-labelledby="audit-entries-heading">
        <div className={styles.listHeader}>
          <Subtitle1 as="h2" id="audit-entries-heading">
            {t('audit.table.title')}
          </Subtitle1>
          {list.isFetching && !list.isPending && <Spinner size="tiny" label={t('audit.table.updating')} />}
          {list.data && list.data.total > 0 && (
            <Pager total={list.data.total} offset={offset} shown={list.data.entries.length} onOffsetChange={setOffset} />
          )}
        </div>
        <QueryView query={list} loadingLabelKey="audit.table.loading">
          {(data) =>
            data.entries.length === 0 ? (
              <Text role="status">{t('audit.table.empty')}</Text>
            ) : (
              <>
                <AuditTable entries={data.entries} labelledBy="audit-entries-heading" />
                {data.total > PAGE_SIZE && (
                  <div className={styles.footer}>
                    <Pager total={data.total} offset={offset} shown={data.entries.length} onOffsetChange={setOffset} bottom />
                  </div>
                )}
              </>
            )
          }
        </QueryView>
      </section>
    </>
  );
}

function Pager({
  total,
  offset,
  shown,
  onOffsetChange,
  bottom = false,
}: {
  total: number;
  offset: number;
  shown: number;
  onOffsetChange: (offset: number) => void;
  bottom?: boolean;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const first = shown === 0 ? 0 : offset + 1;
  return (
    <nav className={styles.pager} aria-label={t(bottom ? 'audit.paging.labelBottom' : 'audit.paging.label')}>
      <Text className={styles.summary} aria-live={bottom ? undefined : 'polite'}>
        {t('audit.paging.summary', { total, first, last: offset + shown })}
      </Text>
      <Button icon={<ChevronLeft20Regular />} disabled={offset === 0} onClick={() => onOffsetChange(Math.max(0, offset - PAGE_SIZE))}>
        {t('audit.paging.previous')}
      </Button>
      <Button
        icon={<ChevronRight20Regular />}
        iconPosition="after"
        disabled={offset + shown >= total}
        onClick={() => onOffsetChange(offset + PAGE_SIZE)}
      >
        {t('audit.paging.next')}
      </Button>
    </nav>
  );
}

function NoticeBar({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  if (notice.kind === 'error') return <ErrorState error={notice.error} />;
  if (notice.kind === 'exported') {
    return (
      <MessageBar intent={notice.saved ? 'success' : 'info'} role="status" layout="multiline">
        <MessageBarBody>{t(notice.saved ? 'audit.export.saved' : 'audit.export.cancelled')}</MessageBarBody>
      </MessageBar>
    );
  }
  const { result } = notice;
  if (result.intact) {
    return (
      <MessageBar intent="success" role="status" layout="multiline" data-testid="audit-verification">
        <MessageBarBody>
          <MessageBarTitle>{t('audit.verify.intact', { count: result.entries })}</MessageBarTitle>
          {t('audit.verify.intactDetail')}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" role="alert" layout="multiline" data-testid="audit-verification">
      <MessageBarBody>
        <MessageBarTitle>
          {t(result.problem === 'AUDIT_ENTRY_EDITED' ? 'audit.verify.edited' : 'audit.verify.missing', { seq: result.brokenAt })}
        </MessageBarTitle>
        {t('audit.verify.brokenDetail')} <span data-error-code={result.problem}>({result.problem})</span>
      </MessageBarBody>
    </MessageBar>
  );
}
