import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * What an operator graphs and alerts on, in Prometheus' text format at `/metrics`. One registry
 * per app instance (tests run several in one process). Labels are route patterns, job names and
 * platforms — never ids, names or text, so the series stay few and carry no personal data.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const jobRuns = new Counter({
    name: 'job_runs_total',
    help: 'Scheduled job runs, by job and outcome',
    labelNames: ['job', 'outcome'] as const,
    registers,
  });
  const deliveries = new Counter({
    name: 'deliveries_total',
    help: 'Messages sent to people, by platform and outcome',
    labelNames: ['platform', 'outcome'] as const,
    registers,
  });
  const queues = new Map<string, () => number>();
  new Gauge({
    name: 'work_queue_depth',
    help: 'Platform deliveries acknowledged and waiting for their turn, by adapter',
    labelNames: ['queue'] as const,
    registers,
    collect() {
      for (const [queue, depth] of queues) this.set({ queue }, depth());
    },
  });

  return {
    /** The `/metrics` body and its content type. */
    render: async () => ({ body: await registry.metrics(), contentType: registry.contentType }),
    request(method: string, route: string, status: number, seconds: number): void {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    jobRun: (job: string, outcome: 'done' | 'failed') => jobRuns.inc({ job, outcome }),
    delivery: (platform: string, outcome: 'sent' | 'failed') => deliveries.inc({ platform, outcome }),
    watchQueue(queue: string, depth: () => number): void {
      queues.set(queue, depth);
    },
  };
}
