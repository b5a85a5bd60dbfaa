/**
 * The one place where a file's findings become its verdict (10-5), fail closed: any finding
 * that is not a sanitizing one blocks the file; so does a type off the allow-list, the file's
 * own or that of any file inside it, and a missing or failed anti-virus scan.
 * Passed means delivered byte for byte; sanitized means delivered with a known, recorded
 * change (the DICOM preamble zeroed).
 */
import {
  DECISION_FINDINGS,
  SANITIZING_FINDINGS,
  type ContentAnalysis,
  type Finding,
  type ScanResult,
  type Verdict,
} from './sanitize-types';
import { SOFTWARE_TYPES, type SanitizePolicy } from './sanitize-policy';

export interface Decision {
  readonly verdict: Verdict;
  readonly findings: readonly Finding[];
}

export function decideVerdict(
  analysis: ContentAnalysis,
  scan: ScanResult | null,
  engine: string,
  sha256: string,
  policy: SanitizePolicy,
): Decision {
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
  // Every file inside an archive, at any depth, is judged by the allow-list as if it stood
  // alone (an ISO, a OneNote file or a phishing page in a zip is still an ISO, a OneNote file,
  // a page). Software inside an archive is blocked by its EXECUTABLE finding already.
  for (const member of analysis.members ?? []) {
    if (!SOFTWARE_TYPES.has(member.type) && !policy.allowedTypes.includes(member.type))
      findings.push({ code: 'TYPE_NOT_ALLOWED', params: { type: member.type }, entry: member.entry });
  }
  if (scan === null) findings.push({ code: 'SCAN_FAILED', params: { engine } });
  else if (scan.status === 'infected') findings.push({ code: 'MALWARE', params: { name: scan.name, engine } });
  else if (scan.status === 'error') findings.push({ code: 'SCAN_FAILED', params: { engine } });

  const blocking = findings.filter((f) => !SANITIZING_FINDINGS.has(f.code));
  if (blocking.length > 0)
    return { verdict: 'blocked', findings: blocking.some((f) => DECISION_FINDINGS.has(f.code)) ? findings : blocking };
  return { verdict: analysis.transform ? 'sanitized' : 'passed', findings };
}
