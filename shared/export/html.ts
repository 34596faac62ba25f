/**
 * A self-contained HTML report: one file that opens offline in any browser and can be mailed
 * or archived. Article text is untrusted (it may hold `<script>` or `onerror=`), so:
 *  - every piece of data goes through escapeHtml, in text and in attributes alike;
 *  - the page contains no script at all, and its Content-Security-Policy forbids every source
 *    except inline styles, so even a missed escape could not load or run anything.
 */
import type { Annotation, Article, ClaimGroup } from '../model/types';
import { sortWorkspace } from '../bundle/order';
import type { Workspace } from '../bundle/types';
import type { ConflictsByGroupId } from './conflicts';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

export interface ReportOptions {
  now: number;
  title?: string;
  appVersion?: string;
  conflictsByGroupId?: ConflictsByGroupId;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
body{font:15px/1.55 Georgia,serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2,h3{font-family:system-ui,sans-serif;line-height:1.2}
nav a{margin-right:1rem}
table{border-collapse:collapse;font:13px/1.4 system-ui,sans-serif;margin:1rem 0}
th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
thead th{background:#f4f4f4;max-width:12rem}
mark.claim{background:#fff1a8}mark.quote{background:#cfe6ff}mark.both{background:#ffd9a8}
sup a{text-decoration:none;font:11px system-ui,sans-serif;color:#555}
.agrees{color:#176b2c}.conflicts{color:#b00020;font-weight:bold}
.badge{display:inline-block;padding:0 .4rem;border-radius:.6rem;font:12px system-ui,sans-serif}
.badge.conflict{background:#b00020;color:#fff}.badge.ok{background:#dff0e2;color:#176b2c}
.meta{color:#666;font:13px system-ui,sans-serif}
article{border-top:2px solid #ddd;margin-top:2rem}
ol.notes{font:13px/1.5 system-ui,sans-serif}
@media print{nav{display:none}}
`;

export function exportHtmlReport(ws: Workspace, opts: ReportOptions): string {
  const { articles, annotations, groups } = sortWorkspace(ws);
  const conflicts = opts.conflictsByGroupId ?? {};
  const number = new Map(annotations.map((a, i) => [a.id, i + 1]));
  const articleIndex = new Map(articles.map((a, i) => [a.id, i + 1]));
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const members = (g: ClaimGroup) => annotations.filter((a) => a.groupId === g.id);
  const title = opts.title ?? 'Corroborate report';
  const conflictCount = groups.filter((g) => conflicts[g.id]?.conflicting).length;
  const e = escapeHtml;

  const annLink = (a: Annotation, label: string) =>
    `<a href="#ann-${number.get(a.id)}" title="${e(a.quote.exact)}">${label}</a>`;
  const badge = (g: ClaimGroup) => {
    const c = conflicts[g.id];
    if (!c) return '';
    return c.conflicting
      ? ` <span class="badge conflict" title="${e(c.summary)}">conflict</span>`
      : ' <span class="badge ok">consistent</span>';
  };
  const stanceMark = (a: Annotation) =>
    a.stance === 'conflicts'
      ? '<span class="conflicts">✗ conflicts</span>'
      : a.stance === 'agrees'
        ? '<span class="agrees">✓ agrees</span>'
        : '';

  // Claims matrix: claim groups as rows × sources (articles) as columns.
  const matrix =
    groups.length === 0 || articles.length === 0
      ? '<p>No claim groups yet.</p>'
      : `<table><thead><tr><th>Claim</th>${articles
          .map((a) => `<th title="${e(a.title)}">${e(a.source ?? shorten(a.title, 40))}</th>`)
          .join('')}</tr></thead><tbody>${groups
          .map((g) => {
            const ms = members(g);
            const cells = articles
              .map((art) => {
                const here = ms.filter((m) => m.articleId === art.id);
                return `<td>${here.map((m) => annLink(m, stanceMark(m) || `#${number.get(m.id)}`)).join('<br>')}</td>`;
              })
              .join('');
            return `<tr><th><a href="#group-${e(String(groups.indexOf(g) + 1))}">${e(g.label)}</a>${badge(g)}</th>${cells}</tr>`;
          })
          .join('')}</tbody></table>`;

  const groupSection = groups
    .map((g, i) => {
      const c = conflicts[g.id];
      const ms = members(g);
      return `<section id="group-${i + 1}"><h3>${e(g.label)}${badge(g)}</h3>${
        c ? `<p class="meta">${e(c.summary)}</p>` : ''
      }<ul>${ms
        .map((m) => {
          const art = articles.find((a) => a.id === m.articleId);
          return `<li>${stanceMark(m)} ${annLink(m, `“${e(m.quote.exact)}”`)} — ${e(art?.source ?? art?.title ?? '')}${
            m.speaker ? ` (${e(m.speaker)})` : ''
          }</li>`;
        })
        .join('')}</ul>${ms.length === 0 ? '<p class="meta">No members.</p>' : ''}</section>`;
    })
    .join('');

  const articleSections = articles
    .map((art) => {
      const anns = annotations.filter((a) => a.articleId === art.id);
      const meta = [art.source, art.date]
        .filter((x): x is string => !!x)
        .map(e)
        .join(' · ');
      const notes = anns
        .map((a) => {
          const g = a.groupId === null ? undefined : groupById.get(a.groupId);
          const parts = [
            `<strong>${a.kind}</strong>`,
            a.speaker ? `speaker: ${e(a.speaker)}` : '',
            g
              ? `group: <a href="#group-${groups.indexOf(g) + 1}">${e(g.label)}</a> ${stanceMark(a)}${badge(g)}`
              : '',
            a.note ? `note: ${e(a.note)}` : '',
          ].filter(Boolean);
          return `<li id="ann-${number.get(a.id)}" value="${number.get(a.id)}">“${e(a.quote.exact)}” — ${parts.join(' · ')}</li>`;
        })
        .join('');
      return `<article id="article-${articleIndex.get(art.id)}"><h2>${e(art.title)}</h2>${
        meta ? `<p class="meta">${meta}</p>` : ''
      }${highlight(art, anns, number)}${anns.length ? `<ol class="notes">${notes}</ol>` : ''}</article>`;
    })
    .join('');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Corroborate${opts.appVersion ? ` ${e(opts.appVersion)}` : ''}">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${e(title)}</h1><p class="meta">Generated ${new Date(opts.now).toISOString().slice(0, 16).replace('T', ' ')} UTC · ${articles.length} articles · ${annotations.length} annotations · ${groups.length} claim groups · ${conflictCount} in conflict</p>
<nav><a href="#matrix">Claims matrix</a><a href="#groups">Claim groups</a><a href="#articles">Articles</a></nav></header>
<main>
<section id="matrix"><h2>Claims matrix</h2>${matrix}</section>
<section id="groups"><h2>Claim groups</h2>${groupSection || '<p>No claim groups yet.</p>'}</section>
<section id="articles"><h2>Articles</h2>${articleSections}</section>
</main>
</body>
</html>
`;
}

/**
 * The article's paragraphs with each annotated span in a <mark> (class by kind, "both" where a
 * claim and a quote overlap) and a numbered link to its note after the span's last character.
 */
function highlight(art: Article, anns: Annotation[], number: Map<string, number>): string {
  const text = art.text;
  const paragraphs: string[] = [];
  let ps = 0;
  for (const line of text.split('\n')) {
    const pe = ps + line.length;
    const inPara = anns.filter((a) => a.position.start < pe && a.position.end > ps);
    const cuts = new Set<number>([ps, pe]);
    for (const a of inPara) {
      cuts.add(Math.max(ps, a.position.start));
      cuts.add(Math.min(pe, a.position.end));
    }
    const points = [...cuts].sort((x, y) => x - y);
    let html = '';
    for (let i = 0; i < points.length - 1; i++) {
      const [s, t] = [points[i]!, points[i + 1]!];
      const covering = inPara.filter((a) => a.position.start <= s && a.position.end >= t);
      const chunk = escapeHtml(text.slice(s, t));
      if (covering.length === 0) html += chunk;
      else {
        const kinds = new Set(covering.map((a) => a.kind));
        html += `<mark class="${kinds.size > 1 ? 'both' : [...kinds][0]}">${chunk}</mark>`;
      }
      for (const a of inPara.filter((x) => x.position.end === t)) {
        const n = number.get(a.id);
        html += `<sup><a href="#ann-${n}">[${n}]</a></sup>`;
      }
    }
    paragraphs.push(`<p>${html}</p>`);
    ps = pe + 1;
  }
  return paragraphs.join('\n');
}

function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
