#!/usr/bin/env node
// Usage: node scripts/audit-production.mjs [--report recorded-npm-audit.json]
//
// `npm audit --omit=dev` for CI (a step of scripts/test.sh), with the policy of
// docs/decisions.md ("Dependency advisories"): the shipped packages fail the run only for a
// high or critical advisory that has a fix available, the case where doing nothing is a choice;
// every other advisory is listed and the run goes on. A registry (or mirror) that does not
// answer the audit request gives one line saying the audit did not happen, never a failure,
// and never a pass that looks like a clean audit. `--report` reads a recorded `npm audit --json`
// output instead of asking the registry (the tests).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';

const FAILING = new Set(['high', 'critical']);
const reportFlag = process.argv.indexOf('--report');
// A recorded report may start with `# Source:` lines saying where it comes from.
const text = reportFlag > 0 ? readFileSync(process.argv[reportFlag + 1], 'utf8').replace(/^(#.*\n)+/, '') : await runAudit();

let report;
try {
  report = JSON.parse(text);
} catch {
  report = undefined;
}
if (!report || typeof report !== 'object' || typeof report.vulnerabilities !== 'object' || report.vulnerabilities === null) {
  console.log(
    `npm audit --omit=dev: not run — the registry did not answer the audit request (${whyNot(report)}); production dependencies were not audited here.`,
  );
  process.exit(0);
}

const findings = Object.values(report.vulnerabilities).map((v) => ({
  name: String(v.name),
  severity: String(v.severity),
  fix: describeFix(v.fixAvailable),
  blocking: FAILING.has(String(v.severity)) && v.fixAvailable !== false && v.fixAvailable !== undefined,
  advisories: (Array.isArray(v.via) ? v.via : [])
    .filter((via) => typeof via === 'object' && via !== null)
    .map((via) => via.url ?? via.title)
    .filter(Boolean),
}));
const audited = report.metadata?.dependencies?.prod ?? report.metadata?.dependencies?.total ?? '?';
if (findings.length === 0) {
  console.log(`npm audit --omit=dev: no advisory for the ${audited} production packages.`);
  process.exit(0);
}
for (const f of findings) {
  console.log(
    `${f.blocking ? 'FAIL' : 'note'} ${f.severity} ${f.name}: ${f.fix}${f.advisories.length ? ` (${f.advisories.join(', ')})` : ''}`,
  );
}
const blocking = findings.filter((f) => f.blocking);
console.log(
  `npm audit --omit=dev: ${findings.length} vulnerable production package(s), ${blocking.length} high/critical with a fix available.`,
);
process.exit(blocking.length > 0 ? 1 : 0);

function describeFix(fixAvailable) {
  if (fixAvailable === true) return 'fix available (npm audit fix)';
  if (fixAvailable && typeof fixAvailable === 'object') {
    return `fix available: ${fixAvailable.name}@${fixAvailable.version}${fixAvailable.isSemVerMajor ? ' (semver-major)' : ''}`;
  }
  return 'no fix available yet';
}

function whyNot(answer) {
  if (!answer || typeof answer !== 'object') return 'no JSON answer';
  if (typeof answer.statusCode === 'number') return `HTTP ${answer.statusCode}`;
  if (answer.error && typeof answer.error === 'object' && answer.error.code) return String(answer.error.code);
  if (typeof answer.code === 'string') return answer.code;
  return 'unexpected answer';
}

/** npm audit exits 1 both for "vulnerabilities found" and for "could not ask": the JSON tells which. */
function runAudit() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return new Promise((resolve) => {
    execFile(npm, ['audit', '--omit=dev', '--json'], { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (_error, stdout) =>
      resolve(String(stdout)),
    );
  });
}
