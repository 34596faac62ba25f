// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { paragraphSpans } from '../../../shared/text/paragraphMap';
import { prepareText } from '../library/prepareArticle';
import { $buildDocument, documentPlan } from './buildDocument';
import { viewerTestEditor } from './viewerTestEditor';
import {
  domPointToOffset,
  offsetsHidden,
  offsetToDomPoint,
  rangeForOffsets,
  selectionOffsets,
} from './domOffsets';
import { SectionWindow } from './sectionWindow';

const stripKeys = (html: string) => html.replace(/ data-lexical-[a-z-]+="[^"]*"/g, '');

async function fixture() {
  const raw = readFileSync(resolve('renderer/features/library/fixtures/news-page.html'), 'utf8');
  const prepared = await prepareText(raw, {
    kind: 'file',
    name: 'news-page.html',
    format: 'html',
  });
  if (!prepared.ok) throw new Error(prepared.reason);
  return prepared.article;
}

/** The fixture windowed in sections of ~100 characters (several, with a list and a table). */
async function windowed() {
  const { text, structure } = await fixture();
  const plan = documentPlan(text, structure);
  const sections = new SectionWindow(plan, 100);
  const { editor, root } = viewerTestEditor();
  editor.update(() => sections.$build(), { discrete: true });
  const spans = paragraphSpans(text);
  const map = () => sections.domTextMap(editor, root, spans)!;
  return { text, structure, plan, sections, editor, root, map };
}

describe('SectionWindow', () => {
  it('starts with the first section filled and the rest as empty stubs of reserved height', async () => {
    const { sections, root, map } = await windowed();
    expect(sections.sections.length).toBeGreaterThan(5);
    const divs = [...root.children] as HTMLElement[];
    expect(divs).toHaveLength(sections.sections.length);
    expect(divs[0]!.classList.contains('viewer-section-stub')).toBe(false);
    expect(divs[0]!.textContent!.length).toBeGreaterThan(0);
    for (const stub of divs.slice(1)) {
      expect(stub.classList.contains('viewer-section-stub')).toBe(true);
      expect(stub.textContent).toBe('');
      expect(stub.style.height).toContain('--cb-section-px-per-char');
    }
    expect(map().stubs!.size).toBe(sections.sections.length - 1);
  });

  it('filled section by section, renders exactly what the whole build renders', async () => {
    const { text, structure, sections, editor, root } = await windowed();
    sections.apply(
      editor,
      sections.sections.map((_, i) => i),
      [],
    );
    const windowedHtml = [...root.children].map((s) => s.innerHTML).join('');
    const whole = viewerTestEditor();
    whole.editor.update(() => void $buildDocument(text, structure), { discrete: true });
    expect(stripKeys(windowedHtml)).toBe(stripKeys(whole.root.innerHTML));
  });

  it('maps offsets in filled sections exactly, and a selection across a section boundary', async () => {
    const { text, plan, sections, editor, map } = await windowed();
    const last = sections.sections.length - 1;
    // Section 1 and 2 filled, 3.. stubs except the last.
    sections.apply(editor, [1, 2, last], []);
    const m = map();
    const s1 = sections.sections[1]!;
    const s2 = sections.sections[2]!;
    const spans = paragraphSpans(text);
    for (let o = spans[s1.from]!.start; o <= spans[s2.to - 1]!.end; o++) {
      if (text[o - 1] === '\n') continue; // the separator belongs to the line before
      const p = offsetToDomPoint(m, o);
      expect(domPointToOffset(m, p.node, p.offset)).toBe(o);
    }
    // A DOM selection from the middle of section 1 into section 2 reads the canonical offsets.
    const start = spans[s2.from - 1]!.start + 2;
    const end = spans[s2.from]!.start + 3;
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(rangeForOffsets(m, start, end));
    expect(selectionOffsets(m, selection)).toEqual({ start, end });
    // Across stubs too (section 2 to the last): only the ends count.
    const farEnd = spans[sections.sections[last]!.from]!.start + 4;
    selection.removeAllRanges();
    selection.addRange(rangeForOffsets(m, start, farEnd));
    expect(selectionOffsets(m, selection)).toEqual({ start, end: farEnd });
    expect(plan.lines.length).toBe(spans.length);
  });

  it('maps a point in a stub to its section start, and says what lies wholly in one', async () => {
    const { text, sections, map } = await windowed();
    const m = map();
    const spans = paragraphSpans(text);
    const s3 = sections.sections[3]!;
    const stub = m.paragraphs[s3.from]!;
    expect(m.stubs!.has(stub)).toBe(true);
    expect(domPointToOffset(m, stub, 0)).toBe(spans[s3.from]!.start);
    expect(offsetToDomPoint(m, spans[s3.to - 1]!.end)).toEqual({ node: stub, offset: 0 });
    expect(offsetsHidden(m, spans[s3.from]!.start + 1, spans[s3.to - 1]!.end)).toBe(true);
    // Section 0 is filled; a range from it into the stub is partly shown.
    expect(offsetsHidden(m, 0, spans[s3.from]!.start + 1)).toBe(false);
    expect(offsetsHidden(m, 0, 5)).toBe(false);
  });

  it('reveals the sections of far offsets in one update, and empties a section back to a stub', async () => {
    const { text, sections, editor, root, map } = await windowed();
    const spans = paragraphSpans(text);
    const target = sections.sections.length - 2;
    const offset = spans[sections.sections[target]!.from]!.start + 3;
    expect(sections.isFilled(target)).toBe(false);
    sections.reveal(editor, [sections.sections[target]!.from]);
    expect(sections.isFilled(target)).toBe(true);
    const m = map();
    const p = offsetToDomPoint(m, offset);
    expect(p.node.nodeType).toBe(Node.TEXT_NODE);
    expect(domPointToOffset(m, p.node, p.offset)).toBe(offset);

    sections.apply(editor, [], [0]);
    expect(sections.isFilled(0)).toBe(false);
    const first = root.children[0] as HTMLElement;
    expect(first.textContent).toBe('');
    expect(first.classList.contains('viewer-section-stub')).toBe(true);
    expect(map().stubs!.has(first)).toBe(true);
  });

  it('patches its offset map as sections fill and empty, as if made anew each time', async () => {
    const { text, sections, editor, root, map } = await windowed();
    const lines = text.split('\n');
    const n = sections.sections.length;
    const before = map();
    expect(map()).toBe(before); // nothing changed: the same map
    for (const [fill, empty] of [
      [[2, 4], []],
      [[n - 1], [0, 2]],
      [[0, 1], [4]],
      [[], [1, n - 1]],
    ] as const) {
      sections.apply(editor, fill, empty);
      const m = map();
      expect(m).not.toBe(before);
      const sectionEls = [...root.children] as HTMLElement[];
      sections.sections.forEach((s, i) => {
        for (let l = s.from; l < s.to; l++) {
          const el = m.paragraphs[l]!;
          if (sections.isFilled(i)) {
            // The line's own element, in its section, mapped to its line.
            expect(el.textContent).toBe(lines[l]);
            expect(sectionEls[i]!.contains(el)).toBe(true);
            expect(m.index.get(el)).toBe(l);
          } else {
            expect(el).toBe(sectionEls[i]);
            expect(m.stubs!.has(el)).toBe(true);
            expect(m.index.get(el)).toBe(s.from);
          }
        }
      });
      // Nothing left over from emptied sections: one entry per filled line and per stub.
      const filledLines = sections.sections
        .filter((_, i) => sections.isFilled(i))
        .reduce((k, s) => k + s.to - s.from, 0);
      expect(m.index.size).toBe(filledLines + m.stubs!.size);
      expect(m.stubs!.size).toBe(sections.sections.filter((_, i) => !sections.isFilled(i)).length);
    }
  });
});
