/**
 * Up to this many annotations every highlight is painted at once; beyond it only those near the
 * screen are (repainted as the article scrolls): one DOM Range each costs ~2 µs to make and
 * keeps the DOM slower to change while it lives.
 */
export const PAINT_ALL_LIMIT = 2_000;
