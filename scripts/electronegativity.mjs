#!/usr/bin/env node
/**
 * Electronegativity as a failing security check (npm run security:electronegativity).
 *
 *   node scripts/electronegativity.mjs [folder-or-file ...]     default: electron renderer
 *
 * Electronegativity's own CLI exits 0 whatever it finds, so this script calls its programmatic
 * API (`run(options)` from dist/runner.js, the package's main) and applies our threshold:
 *   exit 1  any HIGH finding (the allow-list cannot accept one), any MEDIUM finding not in
 *           docs/electronegativity-accepted.json, or a scanned file it could not parse
 *           (a skipped file is a blind spot, not a pass);
 *   exit 2  the check could not run (tool not installed, bad allow-list, tool crash);
 *   exit 0  otherwise. LOW/INFORMATIONAL findings are printed but never fail.
 *
 * It lives in its own npm project (tools/electronegativity): installed at the root it picks up
 * the root's TypeScript and crashes. It parses .ts/.tsx/.html sources, not bundles, and sees
 * only inline webPreferences (electron/main/window.ts writes them inline for this reason).
 *
 * One scan covers every folder: its global checks (CSP, navigation limits, permission handler)
 * conclude "missing" from the absence of a finding anywhere in the run, so folders scanned
 * separately would report false HIGHs. The folders are copied into a temporary directory
 * under their project-relative paths and scanned in one run.
 *
 * Offline and deterministic: the release-data check (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK,
 * which downloads Electron's release list on every run) is excluded — Electron's version is
 * pinned in package.json and updated deliberately — and the download of updated translations
 * is answered "unavailable" in-process, so the bundled English messages are used.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOL_DIR = path.join(PROJECT_ROOT, 'tools', 'electronegativity');
const ALLOW_LIST = path.join(PROJECT_ROOT, 'docs', 'electronegativity-accepted.json');
const DEFAULT_ROOTS = ['electron', 'renderer'];
const SCANNED_EXTENSIONS = new Set(['.js', '.jsx', '.ts', '.tsx', '.html', '.htm']);
const SEVERITY_RANK = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
// renderer/index.html carries a placeholder the build replaces with this constant.
const CSP_PLACEHOLDER = '%FIELDGUARD_CSP%';
const CSP_SOURCE = path.join(PROJECT_ROOT, 'electron', 'main', 'content-security-policy.ts');

const toPosix = (p) => p.split(path.sep).join('/');
const display = (abs) => toPosix(path.relative(PROJECT_ROOT, abs)) || '.';

function cannotRun(message) {
  console.error(`electronegativity: ${message}`);
  process.exit(2);
}

/** Electronegativity's run(), with the translation download answered "unavailable". */
function loadElectronegativity() {
  const toolRequire = createRequire(path.join(TOOL_DIR, 'package.json'));
  let manifestPath;
  try {
    manifestPath = toolRequire.resolve('@doyensec/electronegativity/package.json');
  } catch {
    cannotRun('not installed in tools/electronegativity. Run: npm ci --prefix tools/electronegativity');
  }
  const packageDir = path.dirname(manifestPath);
  const { version } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  try {
    // dist/locales/i18n.js fetches updated translations with got (three attempts, ~3 s offline).
    // Pre-seeding got in the module cache makes it see a non-200 answer at once; it then keeps
    // the bundled locale files. Only this process is affected.
    const i18nRequire = createRequire(path.join(packageDir, 'dist', 'locales', 'i18n.js'));
    const gotPath = i18nRequire.resolve('got');
    const unavailable = async () => ({ statusCode: 0, headers: {}, body: '' });
    unavailable.head = unavailable;
    i18nRequire.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: unavailable, children: [], paths: [] };
  } catch {
    // Without got resolvable the tool will fail below anyway; nothing to pre-seed.
  }
  try {
    return { run: toolRequire('@doyensec/electronegativity'), version };
  } catch (error) {
    cannotRun(`could not load @doyensec/electronegativity (${error.message}). Run: npm ci --prefix tools/electronegativity`);
  }
}

function electronVersion() {
  const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
  const range = manifest.dependencies?.electron ?? manifest.devDependencies?.electron;
  return range?.match(/\d+\.\d+\.\d+/)?.[0];
}

function loadAllowList() {
  if (!existsSync(ALLOW_LIST)) {
    console.warn(`warning: ${display(ALLOW_LIST)} not found; no finding is accepted`);
    return [];
  }
  let entries;
  try {
    entries = JSON.parse(readFileSync(ALLOW_LIST, 'utf8'));
  } catch (error) {
    cannotRun(`${display(ALLOW_LIST)} is not valid JSON: ${error.message}`);
  }
  const valid =
    Array.isArray(entries) &&
    entries.every((e) => e && ['check', 'file', 'reason'].every((k) => typeof e[k] === 'string' && e[k].trim() !== ''));
  if (!valid) cannotRun(`${display(ALLOW_LIST)} must be an array of {"check", "file", "reason"} with non-empty strings`);
  return entries;
}

/** The policy string electron/main/content-security-policy.ts builds: ['a', 'b'].join('; '). */
function contentSecurityPolicy() {
  if (!existsSync(CSP_SOURCE)) return undefined;
  const source = readFileSync(CSP_SOURCE, 'utf8');
  const list = source.match(/CONTENT_SECURITY_POLICY\s*=\s*\[([\s\S]*?)\]\s*\.join\(\s*(['"]); \2\s*\)/);
  if (!list) return undefined;
  const directives = [...list[1].matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]);
  return directives.length > 0 ? directives.join('; ') : undefined;
}

function listFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else out.push(full);
  }
  return out;
}

/**
 * Copies the roots into one temporary folder under their project-relative paths (roots
 * outside the project go under _external/) and returns it with the mapping back.
 */
function stage(roots) {
  const stageDir = mkdtempSync(path.join(os.tmpdir(), 'fieldguard-electronegativity-'));
  const mapping = []; // { label, abs }
  roots.forEach((abs, index) => {
    const relative = path.relative(PROJECT_ROOT, abs);
    const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
    const label = inside ? relative : path.join('_external', `${index}-${path.basename(abs)}`);
    cpSync(abs, path.join(stageDir, label), {
      recursive: true,
      filter: (src) => !['node_modules', '.git'].includes(path.basename(src)),
    });
    mapping.push({ label, abs });
  });
  // Longest label first, so a nested root maps back through its own entry.
  mapping.sort((a, b) => b.label.length - a.label.length);

  const files = listFiles(stageDir);
  const placeholders = files.filter((f) => /\.html?$/i.test(f) && readFileSync(f, 'utf8').includes(CSP_PLACEHOLDER));
  if (placeholders.length > 0) {
    const policy = contentSecurityPolicy();
    for (const file of placeholders) {
      const name = toPosix(path.relative(stageDir, file));
      if (policy) {
        writeFileSync(file, readFileSync(file, 'utf8').replaceAll(CSP_PLACEHOLDER, policy));
        console.log(`note: ${name}: ${CSP_PLACEHOLDER} replaced by CONTENT_SECURITY_POLICY, as the build does`);
      } else {
        console.warn(`warning: ${name}: could not read the policy from ${display(CSP_SOURCE)}; the placeholder is scanned as is`);
      }
    }
  }
  const scanned = files.filter((f) => SCANNED_EXTENSIONS.has(path.extname(f).toLowerCase())).length;
  return { stageDir, mapping, scanned };
}

function table(rows, headers) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => String(c).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main() {
  const started = Date.now();
  const { run, version: toolVersion } = loadElectronegativity();
  const allowList = loadAllowList();

  const args = process.argv.slice(2);
  const roots = args.length > 0 ? args.map((a) => path.resolve(a)) : DEFAULT_ROOTS.map((r) => path.join(PROJECT_ROOT, r));
  for (const root of roots) if (!existsSync(root)) cannotRun(`nothing to scan at ${root}`);

  const electron = electronVersion();
  if (!electron) console.warn('warning: no electron version in package.json; Electronegativity assumes insecure old defaults');

  const { stageDir, mapping, scanned } = stage(roots);
  let result;
  let failure;
  try {
    result = await run({
      input: stageDir,
      isRelative: true,
      electronVersionOverride: electron,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
  } catch (error) {
    failure = error;
  } finally {
    rmSync(stageDir, { recursive: true, force: true });
  }
  if (failure || !result) cannotRun(`Electronegativity failed: ${failure?.stack ?? failure ?? 'no result'}`);

  const realPath = (stagedRelative) => {
    if (!stagedRelative || stagedRelative === 'N/A') return 'N/A';
    const staged = path.normalize(stagedRelative.startsWith(stageDir) ? path.relative(stageDir, stagedRelative) : stagedRelative);
    const root = mapping.find(({ label }) => label === '' || staged === label || staged.startsWith(label + path.sep));
    return root ? display(path.join(root.abs, path.relative(root.label, staged))) : toPosix(staged);
  };

  console.log(
    `Electronegativity ${toolVersion}: ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ` +
      `Electron ${electron ?? 'unknown'}, ${scanned} files in ${roots.map(display).join(', ')}`,
  );

  const unparsed = result.errors.filter((e) => !e.tolerable);
  for (const e of result.errors) {
    console.log(`${e.tolerable ? 'warning: parsed with recovery' : 'Error parsing'} ${realPath(e.file)}: ${e.message}`);
  }

  const usedEntries = new Set();
  const findings = result.issues
    .map((issue) => {
      const finding = {
        check: issue.id,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        file: realPath(issue.file),
        line: issue.location?.line ?? 0,
        description: issue.description,
        get where() {
          return this.file === 'N/A' ? 'N/A (global)' : `${this.file}:${this.line}`;
        },
        url: issue.shortenedURL,
      };
      const entry = allowList.find((e) => e.check === finding.check && e.file === finding.file);
      if (entry) usedEntries.add(entry);
      const rank = SEVERITY_RANK[finding.severity] ?? SEVERITY_RANK.HIGH;
      if (rank >= SEVERITY_RANK.HIGH) finding.status = entry ? 'FAIL (HIGH: cannot be accepted)' : 'FAIL';
      else if (entry) finding.status = 'accepted';
      else finding.status = rank >= SEVERITY_RANK.MEDIUM ? 'FAIL' : 'info';
      return finding;
    })
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.file.localeCompare(b.file) || a.line - b.line);

  if (findings.length > 0) {
    console.log();
    console.log(
      table(
        findings.map((f) => [f.status, f.check, f.severity, f.confidence, f.where]),
        ['STATUS', 'CHECK', 'SEVERITY', 'CONFIDENCE', 'LOCATION'],
      ),
    );
  }
  const failing = findings.filter((f) => f.status.startsWith('FAIL'));
  if (failing.length > 0) {
    console.log('\nFailing findings:');
    for (const f of failing) console.log(`  ${f.check} at ${f.where}: ${f.description} (${f.url})`);
    console.log(`Fix them, or, if one is provably handled, add {"check", "file", "reason"} to ${display(ALLOW_LIST)}.`);
  }
  for (const e of allowList) {
    if (!usedEntries.has(e)) console.log(`note: allow-list entry matches no finding: ${e.check} in ${e.file}`);
  }
  if (unparsed.length > 0) {
    console.log(`\n${unparsed.length} file(s) could not be parsed, so were not checked: failing (the scan is incomplete).`);
  }

  const accepted = findings.filter((f) => f.status === 'accepted').length;
  console.log(`\nscan took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`electronegativity: ${findings.length} findings, ${accepted} accepted, ${failing.length} failing`);
  process.exit(failing.length > 0 || unparsed.length > 0 ? 1 : 0);
}

await main();
