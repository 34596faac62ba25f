import { describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/model/structure';
import {
  calibratedPxPerChar,
  DEFAULT_PX_PER_CHAR,
  MAX_DOCUMENT_PX,
  planSections,
  sectionOfLine,
  stubHeight,
  stubMetrics,
  windowStep,
  type SectionSpan,
} from './sectionWindowPlan';

const para: Block = { type: 'paragraph' };
const item = (listId: number): Block => ({
  type: 'list-item',
  list: { ordered: false, depth: 0, listId },
});
const cell = (table: number, row: number): Block => ({
  type: 'table-cell',
  cell: { table, row, col: 0, header: false },
});

describe('planSections', () => {
  it('cuts plain lines into consecutive sections of at least the budget, covering every line', () => {
    // 10 lines of 9 characters (+1 newline each): 10 chars per line.
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i}...`.slice(0, 9));
    const sections = planSections({ lines, blocks: lines.map(() => para) }, 25);
    expect(sections).toEqual([
      { from: 0, to: 3, chars: 30 },
      { from: 3, to: 6, chars: 30 },
      { from: 6, to: 9, chars: 30 },
      { from: 9, to: 10, chars: 10 },
    ]);
  });

  it('never cuts a list or a table, however small the budget', () => {
    const lines = ['intro', 'a', 'b', 'c', 'x', 'y', 'z', 'outro'];
    const blocks = [para, item(1), item(1), item(1), cell(0, 0), cell(0, 0), cell(0, 1), para];
    const sections = planSections({ lines, blocks }, 1);
    expect(sections.map((s) => [s.from, s.to])).toEqual([
      [0, 1],
      [1, 4],
      [4, 7],
      [7, 8],
    ]);
  });

  it('splits two adjacent lists with different ids', () => {
    const lines = ['a', 'b', 'c', 'd'];
    const sections = planSections({ lines, blocks: [item(1), item(1), item(2), item(2)] }, 1);
    expect(sections.map((s) => [s.from, s.to])).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });

  it('has no sections for no lines', () => {
    expect(planSections({ lines: [], blocks: [] }, 100)).toEqual([]);
  });
});

describe('sectionOfLine', () => {
  const sections: SectionSpan[] = [
    { from: 0, to: 3, chars: 0 },
    { from: 3, to: 4, chars: 0 },
    { from: 4, to: 9, chars: 0 },
  ];
  it('finds the section holding each line', () => {
    expect([0, 1, 2, 3, 4, 8].map((l) => sectionOfLine(sections, l))).toEqual([0, 0, 0, 1, 2, 2]);
  });
});

describe('stub heights', () => {
  const sections: SectionSpan[] = [
    { from: 0, to: 10, chars: 10_000 },
    { from: 10, to: 20, chars: 20_000 },
    { from: 20, to: 30, chars: 5_000 },
  ];

  it('calibrates pixels per character from the measured sections only', () => {
    expect(calibratedPxPerChar(sections, new Map())).toBeNull();
    expect(calibratedPxPerChar(sections, new Map([[0, 3_000]]))).toBeCloseTo(0.3);
    // (3,000 + 8,000) px over 30,000 characters.
    expect(
      calibratedPxPerChar(
        sections,
        new Map([
          [0, 3_000],
          [1, 8_000],
        ]),
      ),
    ).toBeCloseTo(11_000 / 30_000);
    // A section not laid out yet (0 px) says nothing.
    expect(calibratedPxPerChar(sections, new Map([[2, 0]]))).toBeNull();
  });

  it('scales stubs down only when the article would be taller than the browser scrolls', () => {
    // 35,000 characters: far under the limit, drawn at the measured ratio.
    expect(stubMetrics(sections, new Map([[0, 3_000]]))).toEqual({ pxPerChar: 0.3, scale: 1 });
    // 50 MB at 0.36 px per character is 18 million px: drawn at 15 of 18.
    const huge: SectionSpan[] = Array.from({ length: 5_000 }, (_, i) => ({
      from: i,
      to: i + 1,
      chars: 10_000,
    }));
    const m = stubMetrics(huge, new Map([[7, 3_600]]));
    expect(m.scale).toBeCloseTo(MAX_DOCUMENT_PX / 18_000_000);
    expect(m.pxPerChar * 50_000_000).toBeCloseTo(MAX_DOCUMENT_PX);
    // Before any measure: the default ratio.
    expect(stubMetrics(sections, new Map()).pxPerChar).toBeCloseTo(DEFAULT_PX_PER_CHAR);
  });

  it('draws a measured stub at its height, an unmeasured one from its characters', () => {
    expect(stubHeight(10_000, 2_874.6)).toBe('calc(var(--cb-section-scale, 1) * 2875px)');
    expect(stubHeight(10_000, null)).toBe(
      `calc(var(--cb-section-px-per-char, ${DEFAULT_PX_PER_CHAR}px) * 10000)`,
    );
  });
});

describe('windowStep', () => {
  const set = (...i: number[]) => new Set(i);

  it('fills the near sections from the middle of the band outwards, a few per step', () => {
    const step = windowStep({ near: set(40, 41, 42, 43, 44), pinned: set(), filled: set() }, 2);
    expect(step.fill).toEqual([42, 41]);
    expect(step.empty).toEqual([]);
    expect(step.more).toBe(true);
  });

  it('empties the filled sections that are neither near nor pinned', () => {
    const step = windowStep({ near: set(10, 11), pinned: set(500), filled: set(0, 1, 10, 500) }, 4);
    expect(step.empty).toEqual([0, 1]);
    expect(step.fill).toEqual([11]);
    expect(step.more).toBe(false);
  });

  it('fills a pinned section (a jump target far away) before the near ones', () => {
    const step = windowStep({ near: set(3, 4), pinned: set(900), filled: set() }, 1);
    expect(step.fill).toEqual([900]);
    expect(step.more).toBe(true);
  });

  it('does nothing when what is near is filled', () => {
    expect(windowStep({ near: set(5, 6), pinned: set(6), filled: set(5, 6) }, 2)).toEqual({
      fill: [],
      empty: [],
      more: false,
    });
  });
});
