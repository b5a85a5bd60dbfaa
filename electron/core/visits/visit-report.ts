/**
 * The signed report of a procedure run (作業報告書; for a visit 7-1, 7-2, 10-1, 10-3, 10-5,
 * 7-12, 8-5): site, system, engineer and times, every step with its result — what was
 * recorded, the automatic checks' findings, the evidence files with their SHA-256 — the
 * overrides and "not applicable" reasons, the certificates the run relied on, and the site
 * administrator's signatures. A maintenance account appears by its user name only.
 */
import { createHash } from 'node:crypto';
import { formatBytes } from '../../shared/format-bytes';
import { formatDateTime } from '../../shared/format-date';
import { checkFinding, fieldLabel, optionLabel, stepStatusName, stepTitle, templateTitle } from '../../shared/visit-texts';
import type { FieldTemplate, FieldValue, VisitTemplate } from '../../shared/visits';
import type { Site, SiteSystem } from '../../shared/sites';
import type { JsonObject } from '../certificates/canonical-json';
import { performerText, type CertificateDocument, type CertificateSection, type SignatureLine } from '../certificates/certificate-document';
import { certificateForVisit } from '../certificates/certificate-store';
import { both, columns, issueReport, reportDocument, row, signedFacts } from '../certificates/report-document';
import { getOverride } from '../self-check/readiness-gate';
import { getAccount } from '../sites/account-store';
import type { Profile, VaultSession } from '../vault/vault-session';
import type { ClosedStep, RunRow } from './run-store';

export interface ReportInput {
  readonly run: RunRow;
  readonly template: VisitTemplate;
  readonly site: Site;
  readonly system: SiteSystem | null;
  readonly steps: ReadonlyMap<string, ClosedStep>;
}

/** A maintenance account as the report names it: its user name, never more. */
const accountName = (session: VaultSession, id: string) => getAccount(session.db, id)?.userName ?? id;

function valueText(session: VaultSession, template: VisitTemplate, stepId: string, field: FieldTemplate, value: FieldValue): string {
  switch (field.type) {
    case 'datetime':
      return formatDateTime(String(value), 'ja');
    case 'choice':
      return both(
        optionLabel(template.id, stepId, field.id, String(value), 'ja'),
        optionLabel(template.id, stepId, field.id, String(value), 'en'),
      );
    case 'yes':
      return value === true ? 'はい / Yes' : 'いいえ / No';
    case 'account':
      return accountName(session, String(value));
    case 'text':
    case 'multiline':
    case 'count':
    case 'sha256':
      return String(value);
    default: {
      // A new field type must choose how the signed report shows it.
      const _unhandled: never = field.type;
      return String(value);
    }
  }
}

/** What a closed step says, as lines: the values by label, the check's finding, the reason it does not apply. */
function stepDetails(session: VaultSession, template: VisitTemplate, stepId: string, closed: ClosedStep | undefined): string {
  if (!closed) return '';
  const step = template.steps.find((s) => s.id === stepId);
  const lines: string[] = [];
  for (const field of step?.fields ?? []) {
    const value = closed.values[field.id];
    if (value === undefined) continue;
    lines.push(`${fieldLabel(template.id, stepId, field.id, 'ja')}: ${valueText(session, template, stepId, field, value)}`);
  }
  if (closed.check) lines.push(checkFinding(closed.check, 'ja'));
  if (closed.overrideId) lines.push(`未合格のまま続行（理由）/ Went ahead without a pass (reason): ${closed.reason ?? ''}`);
  else if (closed.reason) lines.push(`理由 / Reason: ${closed.reason}`);
  if (closed.signer) {
    const where = closed.signer.onPaper ? '（印刷した報告書に直筆 / by hand on the printed report）' : '';
    lines.push(`署名 / Signed by: ${closed.signer.name}${closed.signer.title ? `（${closed.signer.title}）` : ''}${where}`);
  }
  if (closed.attachments.length > 0) lines.push(`添付 ${closed.attachments.length} 件 / ${closed.attachments.length} attachment(s)`);
  return lines.join('\n');
}

function certificatesRelied(steps: ReadonlyMap<string, ClosedStep>): string[] {
  const numbers = new Set<string>();
  for (const step of steps.values()) {
    for (const key of ['certificates', 'reports'] as const) {
      const value = step.check?.facts[key];
      if (Array.isArray(value)) for (const number of value) numbers.add(number);
    }
  }
  return [...numbers];
}

export function visitReportDocument(
  session: VaultSession,
  input: ReportInput,
  engineer: Profile,
  number: string,
  issuedAt: Date,
): CertificateDocument {
  const { run, template, site, system, steps } = input;
  const overview: CertificateSection = {
    heading: { ja: '概要', en: 'Overview' },
    rows: [
      row('作業番号', 'Reference', run.reference),
      row(
        '手順',
        'Procedure',
        `${both(templateTitle(template.id, 'ja'), templateTitle(template.id, 'en'))}（第 ${template.version} 版 / v${template.version}）`,
      ),
      row('施設', 'Site', [site.name, site.department].filter(Boolean).join(' ')),
      row(
        'システム管理者',
        'Site administrator',
        [site.administrator.name, site.administrator.title].filter(Boolean).join('（') + (site.administrator.title ? '）' : ''),
      ),
      ...(system
        ? [
            row(
              '装置',
              'System',
              [system.product, system.version, system.serial && `S/N ${system.serial}`, system.hostName].filter(Boolean).join(' / '),
            ),
          ]
        : []),
      row('作業者', 'Engineer', performerText(engineer)),
      row('開始', 'Started', formatDateTime(run.startedAt, 'ja')),
      row('完了', 'Completed', formatDateTime(issuedAt.toISOString(), 'ja')),
    ],
  };
  const stepTable: CertificateSection = {
    heading: { ja: '手順と結果', en: 'Steps and results' },
    table: {
      columns: columns(
        ['#', ''],
        ['手順', 'Step'],
        ['ガイドライン', 'Guideline'],
        ['結果', 'Result'],
        ['内容', 'Details'],
        ['日時', 'When'],
      ),
      rows: template.steps.map((step, i) => {
        const closed = steps.get(step.id);
        const status = closed?.status ?? 'open';
        return [
          String(i + 1),
          `${stepTitle(template.id, step.id, 'ja')}${step.required ? '' : '（任意 / optional）'}`,
          step.items.join(', '),
          both(stepStatusName(status, 'ja'), stepStatusName(status, 'en')),
          stepDetails(session, template, step.id, closed),
          closed ? formatDateTime(closed.closedAt, 'ja') : '',
        ];
      }),
      widths: [0.4, 3.2, 1.5, 1.3, 5.4, 2.7],
    },
  };
  const files = template.steps.flatMap((step) =>
    (steps.get(step.id)?.attachments ?? []).map((file) => [
      stepTitle(template.id, step.id, 'ja'),
      file.name,
      formatBytes(file.size, 'ja'),
      file.sha256,
    ]),
  );
  const sections: CertificateSection[] = [overview, stepTable];
  if (files.length > 0) {
    sections.push({
      heading: { ja: '証跡ファイル', en: 'Evidence files' },
      table: {
        columns: columns(['手順', 'Step'], ['ファイル', 'File'], ['サイズ', 'Size'], ['SHA-256', 'SHA-256']),
        rows: files,
        widths: [2.5, 3, 1.2, 5.5],
      },
      note: {
        ja: 'ファイルは作業データとして保管庫で暗号化され、作業後に消去されます。ハッシュ値で同一性を確認できます。',
        en: 'The files were kept encrypted in the vault as visit data and erased after the work; the hashes identify them.',
      },
    });
  }
  const relied = certificatesRelied(steps);
  if (relied.length > 0)
    sections.push({
      heading: { ja: '関連する証明書・報告書', en: 'Certificates and reports relied on' },
      rows: relied.map((n, i) => row(`${i + 1}`, '', n)),
    });

  const signatureLines: SignatureLine[] = template.steps
    .filter((step) => step.kind === 'signature')
    .map((step) => {
      const closed = steps.get(step.id);
      const who = closed?.signer ? `（${closed.signer.name}）` : '';
      return {
        label: { ja: `${stepTitle(template.id, step.id, 'ja')}${who}`, en: stepTitle(template.id, step.id, 'en') },
        ...(closed?.signature ? { image: closed.signature } : {}),
      };
    });
  return reportDocument('visit', number, issuedAt, {
    title: { ja: `${templateTitle(template.id, 'ja')} 報告書`, en: `${templateTitle(template.id, 'en')} report` },
    sections,
    signatureLines,
    summary: { site: [site.name, site.department].filter(Boolean).join(' '), counts: { steps: template.steps.length } },
  });
}

/** The signed facts: the run as stored, with account ids resolved to user names and signatures by hash. */
function reportFacts(session: VaultSession, input: ReportInput): JsonObject {
  const { run, template, site, system, steps } = input;
  return signedFacts({
    procedure: {
      reference: run.reference,
      templateId: template.id,
      templateVersion: template.version,
      startedAt: run.startedAt,
      site: {
        id: site.id,
        name: site.name,
        department: site.department,
        administrator: { name: site.administrator.name, title: site.administrator.title },
      },
      system: system
        ? { id: system.id, product: system.product, version: system.version, serial: system.serial, hostName: system.hostName }
        : null,
      steps: template.steps.map((step) => {
        const closed = steps.get(step.id);
        const values = Object.fromEntries(
          Object.entries(closed?.values ?? {}).map(([id, value]) => {
            const field = step.fields.find((f) => f.id === id);
            return [id, field?.type === 'account' ? accountName(session, String(value)) : value];
          }),
        );
        const override = closed?.overrideId ? getOverride(session.db, closed.overrideId) : null;
        return {
          stepId: step.id,
          kind: step.kind,
          items: step.items,
          required: step.required,
          status: closed?.status ?? 'open',
          values,
          attachments: (closed?.attachments ?? []).map((a) => ({ ...a })),
          signer: closed?.signer ? { ...closed.signer } : null,
          signatureSha256: closed?.signature ? createHash('sha256').update(closed.signature).digest('hex') : null,
          check: closed?.check ? { ...closed.check, facts: { ...closed.check.facts } } : null,
          reason: closed?.reason ?? null,
          override: override
            ? { id: override.id, createdAt: override.createdAt, reason: override.reason, selfCheckRunId: override.runId }
            : null,
          closedAt: closed?.closedAt ?? null,
          closedBy: closed?.closedBy ?? null,
        };
      }),
    },
  });
}

/** The report of a run, if one was issued: found by the visit reference it was issued for. */
export function reportIssuedFor(session: VaultSession, reference: string): { id: string; number: string } | null {
  return certificateForVisit(session.db, 'visit', reference);
}

export function issueVisitReport(
  session: VaultSession,
  input: ReportInput,
  now: Date,
  fontPath?: string,
): Promise<{ id: string; number: string }> {
  return issueReport(
    session,
    {
      kind: 'visit',
      document: (number, engineer) => visitReportDocument(session, input, engineer, number, now),
      facts: () => reportFacts(session, input),
      location: input.site.name,
      visitReference: input.run.reference,
    },
    now,
    fontPath,
  );
}
