import autocannon from 'autocannon';

export type Row = { name: string; rps: number; p50: number; p99: number; errors: number };

/** One row: a 1 s warm-up (JIT, pools), then the measured run; non-2xx answers count as errors. */
export async function measure(name: string, options: autocannon.Options, seconds: number): Promise<Row> {
  await autocannon({ ...options, duration: 1 });
  const result = await autocannon({ ...options, duration: seconds });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
