/** Measures how much this process's resident memory grows at its peak while `work` runs (sampled every 5 ms). */
export async function measureRssGrowth<T>(work: (sample: () => void) => Promise<T>): Promise<{ result: T; growth: number }> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 5);
  try {
    const result = await work(sample);
    sample();
    return { result, growth: peak - baseline };
  } finally {
    clearInterval(timer);
  }
}
