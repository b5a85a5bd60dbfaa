/**
 * What a benchmark is: FieldGuard's code and a reference tool measured on the same input,
 * in the same run, interleaved over several rounds; the median of each gives the ratio
 * that the target is set on. Nothing here passes or fails a test.
 */
export interface Benchmark<Context = unknown> {
  readonly name: string;
  /** Unit of the measured values, e.g. "MiB/s". */
  readonly unit: string;
  /** True when a larger value is better (throughput); false for times. */
  readonly higherIsBetter: boolean;
  /** The ratio FieldGuard must reach, as FieldGuard ÷ reference (or reference ÷ FieldGuard for times). */
  readonly target: number;
  readonly referenceName: string;
  readonly rounds?: number;
  setup(): Promise<Context>;
  subject(context: Context): Promise<number>;
  reference(context: Context): Promise<number>;
  teardown(context: Context): Promise<void>;
  /** Anything else worth reporting once the rounds are done (e.g. peak memory), printed under the table. */
  notes?(context: Context): string;
}

export interface BenchmarkResult {
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  readonly referenceName: string;
  readonly referenceValue: number;
  readonly ratio: number;
  readonly target: number;
  readonly met: boolean;
  readonly rounds: number;
  readonly notes?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function runBenchmark<C>(benchmark: Benchmark<C>): Promise<BenchmarkResult> {
  const rounds = benchmark.rounds ?? 5;
  const context = await benchmark.setup();
  try {
    // One unrecorded round of each warms the page cache and the JIT for both sides alike.
    await benchmark.subject(context);
    await benchmark.reference(context);
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      // Alternate which goes first so neither always runs on a cooler or warmer machine.
      if (round % 2 === 0) {
        ours.push(await benchmark.subject(context));
        theirs.push(await benchmark.reference(context));
      } else {
        theirs.push(await benchmark.reference(context));
        ours.push(await benchmark.subject(context));
      }
    }
    const value = median(ours);
    const referenceValue = median(theirs);
    const ratio = benchmark.higherIsBetter ? value / referenceValue : referenceValue / value;
    const notes = benchmark.notes?.(context);
    return {
      name: benchmark.name,
      unit: benchmark.unit,
      value,
      referenceName: benchmark.referenceName,
      referenceValue,
      ratio,
      target: benchmark.target,
      met: ratio >= benchmark.target,
      rounds,
      ...(notes ? { notes } : {}),
    };
  } finally {
    await benchmark.teardown(context);
  }
}
