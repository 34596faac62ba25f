/** A slice of work: well under a frame, so no task nears the 50 ms "long task" line. */
const SLICE_MS = 8;

/**
 * Gives the main thread back for one turn of the event loop (paint, input), then resumes. A
 * message, not setTimeout: nested timers are clamped to 4 ms each.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Drives work written as a generator (shared/rules/steps.ts) in slices of SLICE_MS, giving the
 * thread back in between; null if `cancelled` says so at a pause.
 */
export async function runInSlices<R>(
  steps: Generator<void, R>,
  cancelled: () => boolean,
  sliceMs = SLICE_MS,
): Promise<R | null> {
  let sliceStart = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTask();
      if (cancelled()) return null;
      sliceStart = performance.now();
    }
  }
}
