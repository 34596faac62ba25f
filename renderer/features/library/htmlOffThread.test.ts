// @vitest-environment jsdom
/**
 * The worker path's security boundary: what linkedom + Readability hand back is untrusted HTML,
 * and DOMPurify (here jsdom's DOM, in the app the window's) must still strip everything live
 * from it, including tricks that rely on two parsers disagreeing.
 */
import { describe, expect, it } from 'vitest';
import { extractPage } from './htmlExtract';
import { importHtmlOffThread, sanitize } from './htmlImport';
import { linkedomParse } from './linkedomParse';

const prose =
  'The council approved the harbour budget on Tuesday after a long debate about dredging costs, ' +
  'berth fees and the future of the ferry terminal, officials said. ';

const hostile = `<html><head><title>Budget</title></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Harbour budget approved</h1>
<p>${prose.repeat(3)}<a href="javascript:alert(1)">statement</a>
<img src="https://tracker.example/pixel.gif" alt="Council chamber" onerror="alert(2)"></p>
<p onclick="alert(3)">${prose.repeat(2)}<iframe src="https://evil.example/"></iframe></p>
<p>${prose}<noscript><p title="</noscript><img src=x onerror=alert(4)>">x</p></noscript></p>
<p>${prose}<svg><style><img src=x onerror=alert(5)></style></svg>
<a href="https://council.example/budget.pdf">the budget</a></p>
<form action="https://evil.example/"><input name="q"><button>Go</button></form>
</article></body></html>`;

describe('HTML import through the worker path, sanitised after', () => {
  it('finds the article, and DOMPurify leaves nothing live in what the worker returned', async () => {
    const extract = extractPage(hostile, linkedomParse, true);
    expect(extract.notice).toBeNull();
    const clean = sanitize(extract.content);
    const live = clean.querySelectorAll(
      'script, iframe, object, embed, form, input, button, svg, style, noscript, [src], [srcset], [style]',
    );
    expect(Array.from(live).map((e) => e.outerHTML)).toEqual([]);
    for (const el of Array.from(clean.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) expect(attr.name).not.toMatch(/^on/i);
    }
    expect(clean.innerHTML).not.toMatch(/onerror|alert\(|tracker\.example/);
  });

  it('keeps javascript: links as text and real links as data, with no remote address loaded', async () => {
    const { built } = await importHtmlOffThread(hostile, { readability: true });
    expect(built.text).toContain('statement');
    expect(built.text).not.toMatch(/Home\n|alert|onerror/);
    const hrefs = built.structure.blocks.flatMap((b) => b.marks ?? []).map((m) => m.href);
    expect(hrefs).toEqual(['https://council.example/budget.pdf']);
    expect(JSON.stringify(built)).not.toMatch(/javascript:|tracker\.example|evil\.example/);
  });
});
