/** One line of the bench report. Latencies in ms; NaN where a row has none. */
export type Row = { name: string; rps: number; p50: number; p99: number; errors: number };
