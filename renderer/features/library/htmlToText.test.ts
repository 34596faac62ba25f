// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { htmlToText } from './htmlToText';
import { prepareFile, prepareText } from './prepareArticle';
import { loadSeeds } from '../../../shared/testing/seeds';

const enc = (s: string) => new TextEncoder().encode(s);

describe('htmlToText', () => {
  it('keeps paragraphs and drops scripts, styles, handlers and embedded content', () => {
    const { text, hints } = htmlToText(`<html><head><title>T</title><style>p{}</style>
      <script>window.bad = 1</script><meta property="og:site_name" content="The Gazette"></head>
      <body><h1>Headline here</h1><p onclick="x()">First <b>bold</b>
      line.</p><div>Second<br>third</div><iframe src="https://evil"></iframe>
      <ul><li>one</li><li>two</li></ul><svg><text>svg text</text></svg></body></html>`);
    expect(
      text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ).toEqual(['Headline here', 'First bold line.', 'Second', 'third', 'one', 'two']);
    expect(text).not.toMatch(/window\.bad|p\{\}|svg text/);
    expect(hints).toMatchObject({ title: 'Headline here', source: 'The Gazette' });
  });

  it('turns each seed, wrapped as HTML paragraphs, into the same canonical text as the .txt', async () => {
    for (const s of loadSeeds()) {
      const html = s.canonical
        .split('\n')
        .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
        .join('\n');
      const fromHtml = await prepareText(`<html><body>${html}</body></html>`, {
        kind: 'file',
        name: 'x.html',
        format: 'html',
      });
      const fromTxt = await prepareFile(`${s.id}.txt`, enc(s.raw));
      expect(fromHtml.ok && fromTxt.ok).toBe(true);
      if (fromHtml.ok && fromTxt.ok) {
        expect(fromHtml.article.text).toBe(fromTxt.article.text);
        expect(fromHtml.article.sha256).toBe(fromTxt.article.sha256);
      }
    }
  });

  it('prepares markdown through the same sanitizer', async () => {
    const r = await prepareText(
      '# Harbour report\n\nShips **docked**: 14. <script>alert(1)</script>\n\n- one\n- two',
      {
        kind: 'file',
        name: 'h.md',
        format: 'md',
      },
    );
    expect(r).toMatchObject({
      ok: true,
      article: { title: 'Harbour report', text: 'Harbour report\nShips docked: 14.\none\ntwo' },
    });
  });

  it('refuses HTML with no readable text', async () => {
    expect(await prepareFile('empty.html', enc('<script>1</script><style></style>'))).toEqual({
      ok: false,
      name: 'empty.html',
      reason: 'it contains no readable text',
    });
  });
});
