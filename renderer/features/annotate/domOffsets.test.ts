// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { paragraphSpans } from '../../../shared/text/paragraphMap';
import { paragraphsOf } from '../../../shared/text/canonical';
import { seed } from '../../../shared/testing/seeds';
import {
  createDomTextMap,
  domPointToOffset,
  offsetToDomPoint,
  rangeForOffsets,
  selectionOffsets,
} from './domOffsets';
import { annotationsAt } from './annotationsAt';

/** Renders text the way the viewer does, optionally splitting paragraphs into several text nodes. */
function render(text: string, splitEvery = 0): HTMLElement {
  const root = document.createElement('div');
  for (const p of paragraphsOf(text)) {
    const el = document.createElement('p');
    if (splitEvery > 0) {
      for (let i = 0; i < p.length; i += splitEvery) {
        const span = document.createElement('span');
        span.textContent = p.slice(i, i + splitEvery);
        el.append(span);
      }
    } else el.append(document.createTextNode(p));
    root.append(el);
  }
  document.body.replaceChildren(root);
  return root;
}

describe('DOM ↔ canonical offsets on seed 000', () => {
  const text = seed('000').canonical;
  const spans = paragraphSpans(text);

  for (const split of [0, 7]) {
    it(`maps every paragraph boundary and a cross-paragraph selection (text split every ${split || '∞'})`, () => {
      const map = createDomTextMap(render(text, split), spans)!;
      expect(map).not.toBeNull();
      for (const span of spans) {
        for (const off of [span.start, span.start + 5, span.end]) {
          const point = offsetToDomPoint(map, off);
          expect(domPointToOffset(map, point.node, point.offset)).toBe(off);
        }
      }
      const start = text.indexOf('officials said.');
      const end = text.indexOf('(ICE)') + '(ICE)'.length;
      const range = rangeForOffsets(map, start, end);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      expect(selectionOffsets(map, selection)).toEqual({ start, end });
      expect(text.slice(start, end)).toBe(
        'officials said.\nImmigration and Customs Enforcement (ICE)',
      );
    });
  }

  it('clamps points on the root and outside the viewer', () => {
    const root = render(text);
    const map = createDomTextMap(root, spans)!;
    expect(domPointToOffset(map, root, 0)).toBe(0);
    expect(domPointToOffset(map, root, 2)).toBe(spans[2]!.start);
    expect(domPointToOffset(map, root, spans.length)).toBe(text.length);
    const before = document.createElement('div');
    document.body.prepend(before);
    expect(domPointToOffset(map, before, 0)).toBe(0);
    const after = document.createElement('div');
    document.body.append(after);
    expect(domPointToOffset(map, after, 0)).toBe(text.length);
  });

  it('refuses a DOM that does not match the text', () => {
    expect(createDomTextMap(render('one\ntwo'), spans)).toBeNull();
  });
});

describe('overlapping annotations', () => {
  const text = seed('003').canonical;
  const quoteStart = text.indexOf('"Sanctuary jurisdictions');
  const quoteEnd = text.indexOf('illegal immigration,"') + 'illegal immigration,"'.length;
  const claimStart = text.indexOf('creating a magnet');
  const claimEnd = claimStart + 'creating a magnet'.length;
  const quote = { id: 'q', position: { start: quoteStart, end: quoteEnd } };
  const claim = { id: 'c', position: { start: claimStart, end: claimEnd } };

  it('hit-tests the innermost first inside the overlap, only the outer one outside it', () => {
    expect(annotationsAt([quote, claim], claimStart + 3).map((a) => a.id)).toEqual(['c', 'q']);
    expect(annotationsAt([quote, claim], quoteStart + 3).map((a) => a.id)).toEqual(['q']);
    expect(annotationsAt([quote, claim], claimEnd).map((a) => a.id)).toEqual(['q']);
    expect(annotationsAt([quote, claim], quoteEnd)).toEqual([]);
  });

  it('builds both ranges over the same text nodes without changing the DOM', () => {
    const root = render(text);
    const map = createDomTextMap(root, paragraphSpans(text))!;
    const html = root.innerHTML;
    expect(rangeForOffsets(map, quoteStart, quoteEnd).toString()).toBe(
      text.slice(quoteStart, quoteEnd),
    );
    expect(rangeForOffsets(map, claimStart, claimEnd).toString()).toBe('creating a magnet');
    expect(root.innerHTML).toBe(html);
  });
});
