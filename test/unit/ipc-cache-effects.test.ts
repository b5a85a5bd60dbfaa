/**
 * Cache effects are declared once (issue 18): every channel of the contract is either a query
 * channel or says which query channels it changes, and the renderer refreshes and keys its
 * cache in one module only. The scan below is tried on small samples first, so that a checker
 * that finds nothing cannot pass for a clean renderer.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../electron/shared/contract';
import { isQueryChannel, listChanges, queryChannels } from '../../electron/shared/ipc/cache-effects';

const rendererSource = path.resolve(import.meta.dirname, '../../renderer/src');
/** The one module that may build cache calls: the channel hooks. */
const channelHooks = 'lib/use-channel.ts';

interface SourceFile {
  readonly file: string;
  readonly text: string;
}

/** Where each pattern occurs outside the allowed files, as `file:line: text`. */
function callsOutside(files: readonly SourceFile[], patterns: readonly RegExp[], allowed: readonly string[]): string[] {
  const found: string[] = [];
  for (const { file, text } of files) {
    if (allowed.includes(file)) continue;
    text.split('\n').forEach((line, index) => {
      if (patterns.some((pattern) => pattern.test(line))) found.push(`${file}:${index + 1}: ${line.trim()}`);
    });
  }
  return found;
}

/** Hand-made cache handling: an invalidation, a query or key built outside the hooks. */
const handMadeCache = [/\binvalidateQueries\s*\(/, /\buseQuery\s*\(/, /\bqueryKey\s*:/];

async function rendererFiles(): Promise<SourceFile[]> {
  const entries = await readdir(rendererSource, { recursive: true, withFileTypes: true });
  const sources = entries.filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name));
  return Promise.all(
    sources.map(async (entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return { file: path.relative(rendererSource, full).split(path.sep).join('/'), text: await readFile(full, 'utf8') };
    }),
  );
}

describe('every channel declares its cache effects', () => {
  const channels = Object.keys(contract);
  const declared = Object.keys(listChanges);

  it('each channel is a query channel or a changing channel with a declaration, never both', () => {
    const undeclared = channels.filter((channel) => !isQueryChannel(channel) && !declared.includes(channel));
    const both = declared.filter((channel) => isQueryChannel(channel));
    expect(undeclared).toEqual([]);
    expect(both).toEqual([]);
  });

  it('declares no channel the contract does not have', () => {
    expect([...queryChannels, ...declared].filter((channel) => !channels.includes(channel))).toEqual([]);
  });

  it('names only query channels as changed, each once', () => {
    for (const [channel, lists] of Object.entries(listChanges)) {
      expect(
        lists.filter((list) => !isQueryChannel(list)),
        channel,
      ).toEqual([]);
      expect(new Set(lists).size, channel).toBe(lists.length);
    }
  });

  it('an audited change refreshes the audit log', () => {
    // Spot checks of what a user sees: after a trust change, a certificate or a visit step, the audit screen shows the new entry.
    for (const channel of [
      'certificates.trustRoot',
      'erasure.issueCertificate',
      'visits.completeStep',
      'ledger.checkOut',
      'sites.save',
    ] as const) {
      expect(listChanges[channel], channel).toContain('audit.list');
    }
    expect(listChanges['erasure.start']).toEqual(expect.arrayContaining(['erasure.targets', 'vault.items.list']));
    expect(listChanges['wholeMedium.issueCertificate']).toEqual(expect.arrayContaining(['certificates.list', 'ledger.list', 'ledger.get']));
  });
});

describe('the renderer handles its cache in one module', () => {
  it('the scan finds hand-made cache calls in a sample, and lets the hooks module make them', () => {
    const sample: SourceFile[] = [
      { file: 'features/x/use-x.ts', text: "const a = 1;\n  void client.invalidateQueries({ queryKey: ['x.list'] });\n" },
      { file: 'features/y/Y.tsx', text: 'const q = useQuery({ queryFn: f, staleTime: 0 });\n' },
      { file: 'features/z/use-z.ts', text: "return useChannelQuery('sites.list', {});\n" },
      { file: channelHooks, text: 'client.invalidateQueries({ queryKey: channelKey(channel) });\n' },
    ];
    expect(callsOutside(sample, handMadeCache, [channelHooks])).toEqual([
      "features/x/use-x.ts:2: void client.invalidateQueries({ queryKey: ['x.list'] });",
      'features/y/Y.tsx:1: const q = useQuery({ queryFn: f, staleTime: 0 });',
    ]);
  });

  it('no screen invalidates queries, builds a query or names a query key by hand', async () => {
    const files = await rendererFiles();
    expect(files.map((f) => f.file)).toContain(channelHooks);
    expect(callsOutside(files, handMadeCache, [channelHooks])).toEqual([]);
  });
});
