/**
 * Long pure work is written as generators that yield between slices (mergeRuns, the span index,
 * preparing an article's annotations): the renderer drives them a few milliseconds at a time and
 * gives the frame back in between. Where yielding to the event loop is not allowed (inside an
 * IndexedDB transaction, or for a handful of rows) `finish` runs one to its end in one go.
 */
export function finish<R>(steps: Generator<void, R>): R {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
