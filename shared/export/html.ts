/**
 * A self-contained HTML report: one file that opens offline in any browser and can be mailed
 * or archived. Article text is untrusted (it may hold `<script>` or `onerror=`), so:
 *  - every piece of data goes through escapeHtml, in text and in attributes alike;
 *  - the page contains no script at all, and its Content-Security-Policy forbids every source
 *    except inline styles, so even a missed escape could not load or run anything.
 */
import type { Annotation, Article } from '../model/types';
import { sortWorkspace } from '../bundle/order';
import type { Workspace } from '../bundle/types';
import {
  buildMatrix,
  CELL_SYMBOL,
  cellStateWords,
  conflictLine,
  progressLine,
  quoteLine,
  stateWords,
  statusWords,
  verdictWords,
  type GroupSummary,
  type MemberState,
} from '../summary';
import { quoteChangeWords } from '../matching/quotes';
import { workspaceSummaries } from './summaries';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

export interface ReportOptions {
  now: number;
  title?: string;
  appVersion?: string;
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
.agrees,.states{color:#176b2c}.conflicts{color:#b00020;font-weight:bold}.silent{color:#777}
.badge{display:inline-block;padding:0 .4rem;border-radius:.6rem;font:12px system-ui,sans-serif}
.badge.conflicting{background:#b00020;color:#fff}.badge.agrees,.badge.consistent{background:#dff0e2;color:#176b2c}
.badge.none{background:#eee;color:#444}.badge.verdict{background:#1d3b6a;color:#fff}
.meta{color:#666;font:13px system-ui,sans-serif}
dl.facts{font:14px/1.5 system-ui,sans-serif;display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.facts dt{font-weight:bold}dl.facts dd{margin:0;white-space:pre-wrap}
del{color:#b00020}ins{color:#176b2c}
article{border-top:2px solid #ddd;margin-top:2rem}
ol.notes{font:13px/1.5 system-ui,sans-serif}
@media print{nav{display:none}}
`;

export function exportHtmlReport(ws: Workspace, opts: ReportOptions): string {
  const { articles, annotations } = sortWorkspace(ws);
  const summaries = workspaceSummaries(ws);
  const summaryById = new Map(summaries.map((s) => [s.group.id, s]));
  const groupNumber = new Map(summaries.map((s, i) => [s.group.id, i + 1]));
  const number = new Map(annotations.map((a, i) => [a.id, i + 1]));
  const articleIndex = new Map(articles.map((a, i) => [a.id, i + 1]));
  const title = opts.title ?? 'Corroborate report';
  const conflictCount = summaries.filter((s) => s.conflicting).length;
  const e = escapeHtml;

  const annLink = (id: string, label: string) =>
    number.has(id) ? `<a href="#ann-${number.get(id)}">${label}</a>` : label;
  const badge = (s: GroupSummary) =>
    ` <span class="badge ${s.state}" title="${e(s.explanation)}">${e(stateWords(s.state))}</span>` +
    (s.verdict ? ` <span class="badge verdict">${e(s.verdict)}</span>` : '');
  const memberMark = (state: MemberState) =>
    `<span class="${state}">${CELL_SYMBOL[state]} ${e(cellStateWords(state))}</span>`;

  // Claims matrix: the screen's matrix (same builder), groups as rows × sources as columns.
  const matrix = buildMatrix(summaries, articles);
  const matrixHtml =
    summaries.length === 0 || articles.length === 0
      ? '<p>No claim groups yet.</p>'
      : `<p class="meta">${e(progressLine(summaries))}</p><table><thead><tr><th>Claim</th><th>Verdict</th><th>Status</th>${articles
          .map((a) => `<th title="${e(a.title)}">${e(a.source ?? shorten(a.title, 40))}</th>`)
          .join('')}</tr></thead><tbody>${matrix.rows
          .map((row) => {
            const s = summaryById.get(row.groupId)!;
            const cells = row.cells
              .map((c) => {
                const text = `${CELL_SYMBOL[c.state]} ${cellStateWords(c.state)}${c.value ? ` ${c.value}` : ''}`;
                const inner = `<span class="${c.state}">${e(text)}</span>`;
                return `<td title="${e(c.title)}">${c.annotationId ? annLink(c.annotationId, inner) : inner}</td>`;
              })
              .join('');
            return `<tr data-group="${groupNumber.get(row.groupId)}"><th><a href="#group-${groupNumber.get(row.groupId)}">${e(row.label)}</a>${badge(s)}</th><td>${e(verdictWords(s))}</td><td>${e(statusWords(s.status))}</td>${cells}</tr>`;
          })
          .join('')}</tbody></table>`;

  const groupSection = summaries
    .map((s, i) => {
      const facts: [string, string][] = [
        ['Verdict', verdictWords(s)],
        ['Status', statusWords(s.status)],
        ['Sources', conflictLine(s)],
      ];
      const q = quoteLine(s);
      if (q) facts.push(['Quote', q]);
      if (s.reasoning) facts.push(['Reasoning', s.reasoning]);
      if (s.resolution) facts.push(['Resolution', s.resolution]);
      const diffs = (s.quote?.alterations ?? [])
        .map(
          (a) =>
            `<p class="meta">${e(a.outlet)} (${e(a.changes.map(quoteChangeWords).join(', '))}): ${a.diff.parts
              .map((p) =>
                p.type === 'same'
                  ? e(p.text)
                  : p.type === 'added'
                    ? `<ins>${e(p.text)}</ins>`
                    : `<del>${e(p.text)}</del>`,
              )
              .join(' ')}</p>`,
        )
        .join('');
      return `<section id="group-${i + 1}" class="group" data-state="${s.state}"><h3>${e(s.label)}${badge(s)}</h3><dl class="facts">${facts
        .map(([k, v]) => `<dt>${e(k)}</dt><dd data-fact="${e(k.toLowerCase())}">${e(v)}</dd>`)
        .join('')}</dl>${diffs}<ul>${s.members
        .map((m) => {
          const art = articles.find((a) => a.id === m.annotation.articleId);
          return `<li>${memberMark(m.state)} ${annLink(m.annotation.id, `“${e(m.annotation.quote.exact)}”`)} — ${e(art?.source ?? art?.title ?? '')}${
            m.annotation.speaker ? ` (${e(m.annotation.speaker)})` : ''
          }</li>`;
        })
        .join(
          '',
        )}</ul>${s.members.length === 0 ? '<p class="meta">No members.</p>' : ''}</section>`;
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
          const s = a.groupId === null ? undefined : summaryById.get(a.groupId);
          const m = s?.members.find((x) => x.annotation.id === a.id);
          const parts = [
            `<strong>${a.kind}</strong>`,
            a.speaker ? `speaker: ${e(a.speaker)}` : '',
            s
              ? `group: <a href="#group-${groupNumber.get(s.group.id)}">${e(s.label)}</a> ${m ? memberMark(m.state) : ''}${badge(s)}`
              : '',
            a.tags && a.tags.length > 0 ? `tags: ${e(a.tags.join(', '))}` : '',
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
<header><h1>${e(title)}</h1><p class="meta">Generated ${new Date(opts.now).toISOString().slice(0, 16).replace('T', ' ')} UTC · ${articles.length} articles · ${annotations.length} annotations · ${summaries.length} claim groups · ${conflictCount} in conflict</p>
<nav><a href="#matrix">Claims matrix</a><a href="#groups">Claim groups</a><a href="#articles">Articles</a></nav></header>
<main>
<section id="matrix"><h2>Claims matrix</h2>${matrixHtml}</section>
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
