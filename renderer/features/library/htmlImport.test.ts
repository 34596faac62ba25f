// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importHtml } from './htmlImport';
import { prepareFile, prepareText, type Prepared } from './prepareArticle';
import { loadSeeds } from '../../../shared/testing/seeds';
import { structureProblem } from '../../../shared/structure/validate';
import { canonicalizeText } from '../../../shared/text/canonical';

const enc = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) =>
  readFileSync(resolve('renderer/features/library/fixtures', name), 'utf8');

function ok(p: Prepared) {
  if (!p.ok) throw new Error(`refused: ${p.reason}`);
  return p.article;
}

/** Each line of the text with its block type, for readable assertions. */
function lines(a: ReturnType<typeof ok>) {
  return a.text.split('\n').map((line, i) => [a.structure?.blocks[i]?.type ?? 'paragraph', line]);
}

describe('HTML import', () => {
  it('keeps only the article of a saved news page, with every source field', async () => {
    const a = ok(
      await prepareText(fixture('news-page.html'), {
        kind: 'file',
        name: 'strike.html',
        format: 'html',
      }),
    );
    expect(a).toMatchObject({
      title: 'Harbour strike ends after 11 days as dockers accept 4% deal',
      source: 'The Harbour Gazette',
      authors: ['Maria Lopez', 'Tom Okafor'],
      date: '2017-09-28',
      url: 'https://www.harbourgazette.example/news/2017/09/28/strike-ends',
      language: 'en-GB',
    });
    // Navigation, breadcrumbs, share bar, related links, newsletter box and footer are gone.
    for (const junk of [
      'Home',
      'Politics',
      'Share on Twitter',
      'Related stories',
      'Dockers walk out over pay',
      'Sign up',
      'All rights reserved',
      'Privacy policy',
    ])
      expect(a.text).not.toContain(junk);
    expect(a.text).toBe(canonicalizeText(a.text));
    expect(structureProblem(a.text, a.structure!)).toBeNull();
    expect(lines(a)).toEqual([
      [
        'paragraph',
        'Dockers at the port of Eastmouth voted on Thursday to accept a 4% pay rise, ending an 11-day strike that left more than 40 ships waiting at anchor off the coast.',
      ],
      [
        'paragraph',
        'The vote, 612 to 288, came after a night of talks between the union and the Eastmouth Port Authority. Union leaders had asked for 6%.',
      ],
      ['heading', 'What the deal includes'],
      ['paragraph', 'The agreement, seen by the Gazette, sets out three changes:'],
      ['list-item', 'a 4% rise backdated to 1 July, with a further 2% in April;'],
      ['list-item', 'an end to unpaid standby shifts at weekends;'],
      ['list-item', 'a review of night-shift staffing by an independent panel.'],
      [
        'quote',
        '“This is not everything we asked for, but it is a deal our members can live with,” said union secretary Alan Brierley.',
      ],
      ['heading', 'Cost to the port'],
      [
        'paragraph',
        'The port authority estimates that the strike cost it £3.2 million in lost fees. Shipping agents put the wider cost to local businesses at more than £10 million.',
      ],
      ['table-cell', 'Week'],
      ['table-cell', 'Ships waiting'],
      ['table-cell', 'First'],
      ['table-cell', '17'],
      ['table-cell', 'Second'],
      ['table-cell', '43'],
      [
        'paragraph',
        'Loading resumes at 6 a.m. on Friday, the authority said. Read the full statement.',
      ],
    ]);
    const blocks = a.structure!.blocks;
    expect(blocks[2]).toMatchObject({ level: 2 });
    expect(blocks[11]!.cell).toEqual({ table: 1, row: 0, col: 1, header: true });
    const line0 = a.text.split('\n')[0]!;
    const bold = blocks[0]!.marks![0]!;
    expect([bold.type, line0.slice(bold.start, bold.end)]).toEqual(['bold', '4% pay rise']);
    const line1 = a.text.split('\n')[1]!;
    const link = blocks[1]!.marks![0]!;
    expect([link.href, line1.slice(link.start, link.end)]).toEqual([
      'https://www.eastmouthports.example/',
      'Eastmouth Port Authority',
    ]);
    // The javascript: "statement" link survives as text only.
    expect(blocks[16]!.marks ?? []).toEqual([]);
  });

  it('keeps javascript: and data: links as plain text, real links as data', async () => {
    const a = ok(
      await prepareText(fixture('js-links.html'), { kind: 'file', name: 'j.html', format: 'html' }),
    );
    expect(a.text).toContain('after the expenses report was published, officials said.');
    const hrefs = a.structure!.blocks.flatMap((b) => b.marks ?? []).map((m) => m.href);
    expect(hrefs).toEqual(['https://parliament.example/report.pdf']);
    expect(JSON.stringify(a)).not.toMatch(/javascript|data:text/i);
  });

  it('falls back to the whole page, and says so, when no article is recognised', () => {
    const r = importHtml('<html><body><div>Short note.</div><p>Second line</p></body></html>');
    expect(r.notice).toMatch(/No article was recognised/);
    expect(r.built.text).toBe('Short note.\nSecond line');
  });

  it('drops scripts, styles, handlers and embedded content', () => {
    const { built, facts } = importHtml(
      `<html><head><title>T</title><style>p{}</style>
      <script>window.bad = 1</script><meta property="og:site_name" content="The Gazette"></head>
      <body><h1>Headline here</h1><p onclick="x()">First <b>bold</b>
      line.</p><div>Second<br>third</div><iframe src="https://evil"></iframe>
      <ul><li>one</li><li>two</li></ul><svg><text>svg text</text></svg></body></html>`,
      { readability: false },
    );
    expect(built.text).toBe('Headline here\nFirst bold line.\nSecond\nthird\none\ntwo');
    expect(built.text).not.toMatch(/window\.bad|p\{\}|svg text/);
    expect(facts).toMatchObject({ title: 'Headline here', siteName: 'The Gazette' });
  });

  it('turns each seed, wrapped as HTML paragraphs, into the same canonical text as the .txt', async () => {
    for (const s of loadSeeds()) {
      const html = s.canonical
        .split('\n')
        .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
        .join('\n');
      const fromHtml = ok(
        await prepareText(`<html><body>${html}</body></html>`, {
          kind: 'file',
          name: 'x.html',
          format: 'html',
        }),
      );
      const fromTxt = ok(await prepareFile(`${s.id}.txt`, enc(s.raw)));
      expect(fromHtml.text).toBe(fromTxt.text);
      expect(fromHtml.sha256).toBe(fromTxt.sha256);
    }
  });

  it('refuses HTML with no readable text', async () => {
    expect(await prepareFile('empty.html', enc('<script>1</script><style></style>'))).toEqual({
      ok: false,
      name: 'empty.html',
      reason: 'it contains no readable text',
    });
  });
});

describe('Markdown import', () => {
  it('keeps headings, nested and ordered lists, quotes, emphasis and links', async () => {
    const a = ok(
      await prepareText(fixture('markdown-article.md'), {
        kind: 'file',
        name: 'lanes.md',
        format: 'md',
      }),
    );
    expect(a.title).toBe('Council approves new cycle lanes');
    expect(structureProblem(a.text, a.structure!)).toBeNull();
    expect(lines(a)).toEqual([
      ['heading', 'Council approves new cycle lanes'],
      [
        'paragraph',
        'The city council voted 9–4 on Tuesday to build 12 km of protected cycle lanes by 2019.',
      ],
      ['heading', 'Where the lanes go'],
      ['list-item', 'Harbour Road, from the ferry terminal to the station'],
      ['list-item', 'Mill Street'],
      ['list-item', 'including the bridge approach'],
      ['list-item', "The ring road's northern section"],
      ['heading', 'What it costs'],
      ['list-item', '£4.1 million from the transport budget'],
      ['list-item', '£1.5 million from a national grant'],
      ['quote', '“Safer streets pay for themselves,” said councillor Priya Shah.'],
      ['paragraph', "More at the council's site."],
    ]);
    const b = a.structure!.blocks;
    expect(b.map((x) => x.level ?? x.list?.depth ?? null)).toEqual([
      1,
      null,
      2,
      0,
      0,
      1,
      0,
      2,
      0,
      0,
      null,
      null,
    ]);
    expect(b[8]!.list).toMatchObject({ ordered: true });
    expect(b[3]!.list!.listId).not.toBe(b[8]!.list!.listId);
    expect(b[11]!.marks).toEqual([
      { start: 8, end: 26, type: 'link', href: 'https://council.example/cycle-lanes' },
    ]);
  });

  it('sanitises markdown like HTML', async () => {
    const a = ok(
      await prepareText(
        '# Harbour report\n\nShips **docked**: 14. <script>alert(1)</script>\n\n- one\n- two',
        { kind: 'file', name: 'h.md', format: 'md' },
      ),
    );
    expect(a).toMatchObject({
      title: 'Harbour report',
      text: 'Harbour report\nShips docked: 14.\none\ntwo',
    });
  });
});
