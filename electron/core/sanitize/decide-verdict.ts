/**
 * The one place where a file's findings become its verdict (10-5), fail closed: any finding
 * that is not a sanitizing one blocks the file; so does a missing or failed anti-virus scan.
 * Passed means delivered byte for byte; sanitized means delivered with a known, recorded
 * change (the DICOM preamble zeroed).
 */
import { DECISION_FINDINGS, SANITIZING_FINDINGS, type ContentAnalysis, type Finding, type ScanResult, type Verdict } from './sanitize-types';
import { SOFTWARE_TYPES, type SanitizePolicy } from './sanitize-policy';

export interface Decision {
  readonly verdict: Verdict;
  readonly findings: readonly Finding[];
}

export function decideVerdict(analysis: ContentAnalysis, scan: ScanResult | null, engine: string, sha256: string, policy: SanitizePolicy): Decision {
  const findings: Finding[] = [];
  const release = SOFTWARE_TYPES.has(analysis.type.id) ? policy.releases.find((r) => r.sha256 === sha256) : undefined;
  for (const finding of analysis.findings) {
    // A package on the vendor's release list is the vendor's own executable: expected, not a threat.
    if (release && finding.code === 'EXECUTABLE' && finding.entry === undefined) continue;
    findings.push(finding);
  }
  if (SOFTWARE_TYPES.has(analysis.type.id)) {
    if (!release) findings.push({ code: 'SOFTWARE_NOT_ON_RELEASE_LIST', params: { sha256 } });
  } else if (!policy.allowedTypes.includes(analysis.type.id)) {
    findings.push({ code: 'TYPE_NOT_ALLOWED', params: { type: analysis.type.id } });
  }
  if (scan === null) findings.push({ code: 'SCAN_FAILED', params: { engine } });
  else if (scan.status === 'infected') findings.push({ code: 'MALWARE', params: { name: scan.name, engine } });
  else if (scan.status === 'error') findings.push({ code: 'SCAN_FAILED', params: { engine } });

  const blocking = findings.filter((f) => !SANITIZING_FINDINGS.has(f.code));
  if (blocking.length > 0) return { verdict: 'blocked', findings: blocking.some((f) => DECISION_FINDINGS.has(f.code)) ? findings : blocking };
  return { verdict: analysis.transform ? 'sanitized' : 'passed', findings };
}
