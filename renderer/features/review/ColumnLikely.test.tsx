// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../shared/matching';
import { ColumnLikely } from './ColumnLikely';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement | null = null;
function render(likely: Suggestion | null | undefined): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<ColumnLikely groupId="g-la" likely={likely} />));
  return host;
}
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

const testid = (el: HTMLElement, id: string) => el.querySelector(`[data-testid="${id}"]`);

describe('ColumnLikely: what a side-by-side column without a member says', () => {
  it('while the worker looks: says so, neither "likely" nor "absent"', () => {
    const el = render(undefined);
    expect(testid(el, 'column-looking')?.textContent).toMatch(/Looking for this claim/);
    expect(testid(el, 'column-missing')).toBeNull();
    expect(testid(el, 'column-likely')).toBeNull();
  });

  it('nothing above the cut: "not in this article", no Link', () => {
    const el = render(null);
    expect(testid(el, 'column-missing')?.textContent).toMatch(/^Not in this article/);
    expect(testid(el, 'column-likely-link')).toBeNull();
  });

  it('a likely sentence: its text, its score as a percentage and a Link button', () => {
    const likely = {
      articleId: 'a2',
      start: 10,
      end: 39,
      text: 'Los Angeles, California (101)',
      score: 0.734,
    } as Suggestion;
    const el = render(likely);
    expect(testid(el, 'column-likely')?.textContent).toContain('Likely here (73%)');
    expect(testid(el, 'column-likely-text')?.textContent).toBe('Los Angeles, California (101)');
    expect(testid(el, 'column-likely-link')?.textContent).toBe('Link');
    expect(testid(el, 'column-missing')).toBeNull();
  });
});
