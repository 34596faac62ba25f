/**
 * Marks a span of a browser bench so scripts/bench.mjs reports the renderer process's peak
 * resident memory during it (scripts/rendererMemory.mjs samples /proc every 50 ms). The page
 * cannot see its own process's memory, Workers included; the bench runner can.
 */
export async function memorySpan<T>(name: string, run: () => Promise<T>): Promise<T> {
  console.log(`bench-phase:start:${name}`);
  try {
    return await run();
  } finally {
    // One more frame so the sampler sees the end state before the span closes.
    await new Promise((r) => setTimeout(r, 100));
    console.log(`bench-phase:end:${name}`);
  }
}
