/** How a browser benchmark hands a figure to scripts/bench.mjs: milliseconds unless `unit` says otherwise. */
export type BenchReport = (name: string, value: number, detail?: string, unit?: string) => void;
