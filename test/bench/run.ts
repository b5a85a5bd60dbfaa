/**
 * `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line),
 * prints a table, and writes bench-results.json for the closing notes of the issues.
 */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runBenchmark, type Benchmark, type BenchmarkResult } from './benchmark';

const here = import.meta.dirname;
const filter = process.argv.slice(2);
const files = (await readdir(here))
  .filter((f) => f.endsWith('.bench.ts') && (filter.length === 0 || filter.some((n) => f.includes(n))))
  .sort();

const results: BenchmarkResult[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(path.join(here, file)).href)) as { default: Benchmark | Benchmark[] };
  for (const benchmark of [module.default].flat()) {
    process.stdout.write(`running ${benchmark.name}…\n`);
    results.push(await runBenchmark(benchmark));
  }
}

const format = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));
console.table(
  results.map((r) => ({
    benchmark: r.name,
    FieldGuard: `${format(r.value)} ${r.unit}`,
    reference: `${r.referenceName}: ${format(r.referenceValue)} ${r.unit}`,
    ratio: r.ratio.toFixed(3),
    target: `≥ ${r.target}`,
    met: r.met ? 'yes' : 'NO',
  })),
);
for (const r of results) if (r.notes) process.stdout.write(`${r.name}: ${r.notes}\n`);
const output = path.resolve(here, '../../bench-results.json');
await writeFile(output, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`wrote ${output}\n`);
