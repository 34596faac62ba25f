import { useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLiveArticles } from '../../state/liveArticles';
import type { Annotation, Article } from '../../../shared/model/types';
import {
  quoteDiff,
  quoteWords,
  type Mark,
  type QuoteOccurrence,
  type Suggestion,
} from '../../../shared/matching';
import { quoteChangeWords } from '../../../shared/matching/quotes';
import { db } from '../../db/database';
import { notify, reportError } from '../../components/toasts';
import { runUndo } from '../../app/useAppKeys';
import {
  requestQuoteCopies,
  requestSuggestions,
  useMatchingIndex,
  useWorkerResult,
  type IndexProgress,
} from './matchingClient';
import {
  acceptSuggestion,
  linkAnnotations,
  moveToGroup,
  setStance,
  unlink,
  type SpanInArticle,
} from './groupOps';
import { cellStateWords, sourceLookup, summarizeGroup, type GroupSummary } from './groupModel';
import { ConflictDetails, GroupBadges, IntegrityDetails, QuoteDiffText } from './GroupFlags';
import { VerdictEditor } from './VerdictEditor';
import { GroupLabelField } from './GroupLabelField';
import { openInReview } from './reviewNav';
import { getArticle, getGroup, groupMembers, annotationsOfArticles } from '../../db/queries';
import { isLive } from '../../../shared/model/live';
import { outletName } from '../../../shared/text/outlet';

const SUGGESTION_LIMIT = 12;

/** Text with the spans that explain a match (shared figures, shared terms) highlighted. */
export function MarkedText({ text, marks }: { text: string; marks: readonly Mark[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [i, m] of marks.entries()) {
    if (m.start < at) continue; // overlapping marks: keep the first
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(
      <mark key={i} className={`why why-${m.kind}`}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  parts.push(text.slice(at));
  return <span className="marked-text">{parts}</span>;
}

function overlapShare(
  a: { start: number; end: number },
  b: { start: number; end: number },
): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap <= 0 ? 0 : overlap / Math.min(a.end - a.start, b.end - b.start);
}

/** The editor's annotation that already covers most of a candidate span, if any. */
function existingAt(all: readonly Annotation[], span: SpanInArticle): Annotation | undefined {
  return all
    .filter((a) => a.articleId === span.articleId)
    .map((a) => ({ a, share: overlapShare(a.position, span) }))
    .filter((x) => x.share >= 0.5)
    .sort((x, y) => y.share - x.share)[0]?.a;
}

function useGroupSummary(groupId: string | null): GroupSummary | null | undefined {
  return useLiveQuery(async () => {
    if (!groupId) return null;
    const [group, members] = await Promise.all([getGroup(groupId), groupMembers(groupId)]);
    if (!group) return null;
    const articles = await Promise.all(
      [...new Set(members.map((m) => m.articleId))].map(getArticle),
    );
    return summarizeGroup(group, members, sourceLookup(articles.filter((a) => !!a)));
  }, [groupId]);
}

/** The fullest version of a quote known so far: the longest (in words) of the given copies. */
function fullestQuote(copies: string[]): string {
  return copies.reduce((best, c) => (quoteWords(c).length > quoteWords(best).length ? c : best));
}

/** The "claim group" part of the annotation panel: membership, conflicts, linking. */
export function LinkSection({ annotation }: { annotation: Annotation }) {
  const summary = useGroupSummary(annotation.groupId);
  const groups = useLiveQuery(
    () => db.groups.orderBy('updatedAt').reverse().filter(isLive).toArray(),
    [],
  );
  const [linking, setLinking] = useState(false);
  const [findingQuote, setFindingQuote] = useState(false);
  // Titles and texts of the live library (the window's one read of it); matching itself runs in
  // the worker (matchingClient.ts).
  const libraryArticles = useLiveArticles()?.list;
  const corpus = libraryArticles ? { articles: libraryArticles } : null;
  const progress = useMatchingIndex(linking || findingQuote);
  const titles = useMemo(
    () => new Map((corpus?.articles ?? []).map((a) => [a.id, outletName(a) ?? a.title])),
    [corpus?.articles],
  );
  const titleOf = (id: string) => titles.get(id) ?? 'a deleted article';
  const { articleId, kind } = annotation;
  const text = annotation.quote.exact;
  const start = annotation.position.start;
  // Asked again when the index changes (first build done, an article added or removed).
  const version = progress.ready ? `${progress.done}` : null;
  const suggestions = useWorkerResult(
    linking && version !== null ? `${version}|${articleId}|${kind}|${start}|${text}` : null,
    () =>
      requestSuggestions(
        { articleId, text, kind, start },
        { limit: SUGGESTION_LIMIT, perArticle: 2 },
      ),
  );
  const quoteHits = useWorkerResult(
    findingQuote && kind === 'quote' && version !== null ? `${version}|${articleId}|${text}` : null,
    () => requestQuoteCopies(text, { excludeArticleId: articleId }),
  );

  const run = (label: string, op: () => Promise<unknown>, done?: string) =>
    op()
      .then(() => {
        if (done) notify('info', done, { label: 'Undo', run: () => void runUndo('undo') });
      })
      .catch((e) => reportError(label, e));

  const otherGroups = (groups ?? []).filter((g) => g.id !== annotation.groupId);

  return (
    <section className="link-section" aria-label="Claim group" data-testid="link-section">
      <h4 className="link-title">Claim group</h4>
      {summary ? (
        <div className="group-box" data-testid="annotation-group" data-group-id={summary.group.id}>
          <GroupLabelField group={summary.group} />
          <GroupBadges summary={summary} />
          <ConflictDetails summary={summary} titleOf={titleOf} />
          <IntegrityDetails summary={summary} titleOf={titleOf} />
          <VerdictEditor summary={summary} />
          <ul className="member-list">
            {summary.members.map((m) => (
              <li
                key={m.annotation.id}
                data-testid="group-member"
                data-state={m.state}
                className={m.annotation.id === annotation.id ? 'member self' : 'member'}
              >
                <button
                  type="button"
                  className="member-open"
                  title={`Open in side-by-side review: ${m.annotation.quote.exact}`}
                  onClick={() =>
                    void openInReview({
                      groupId: summary.group.id,
                      articleId: m.annotation.articleId,
                      annotationId: m.annotation.id,
                    }).catch((e) => reportError('Opening review', e))
                  }
                >
                  <span className="member-source">{titleOf(m.annotation.articleId)}</span>
                  <span className="member-text">{m.annotation.quote.exact}</span>
                </button>
                <span className={`state state-${m.state}`}>
                  {cellStateWords(m.state)}
                  {m.conflictingValue ? `: ${m.conflictingValue}` : ''}
                </span>
                <span className="member-actions">
                  <button
                    type="button"
                    className="small"
                    data-testid="stance-toggle"
                    aria-pressed={m.annotation.stance === 'conflicts'}
                    title={`Stance: ${m.annotation.stance ?? 'agrees'} (click to change)`}
                    onClick={() =>
                      void run('Changing the stance', () =>
                        setStance(
                          m.annotation.id,
                          m.annotation.stance === 'conflicts' ? 'agrees' : 'conflicts',
                        ),
                      )
                    }
                  >
                    {m.annotation.stance === 'conflicts' ? 'Mark agreeing' : 'Mark conflicting'}
                  </button>
                  <button
                    type="button"
                    className="small"
                    data-testid="unlink"
                    title="Remove from this group"
                    onClick={() =>
                      void run('Unlinking', () => unlink(m.annotation.id), 'Unlinked.')
                    }
                  >
                    Unlink
                  </button>
                </span>
              </li>
            ))}
          </ul>
          {otherGroups.length > 0 && (
            <label className="move-group">
              Move to group
              <select
                data-testid="move-group"
                value=""
                onChange={(e) => {
                  const target = e.target.value;
                  if (target)
                    void run('Moving', () => moveToGroup(annotation.id, target), 'Moved.');
                }}
              >
                <option value="">Choose a group…</option>
                {otherGroups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.label}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      ) : (
        <p className="hint">Not linked to other sources yet.</p>
      )}
      <div className="link-actions">
        <button
          type="button"
          data-testid="link-open"
          aria-expanded={linking}
          onClick={() => setLinking((v) => !v)}
        >
          Link to…
        </button>
        {annotation.kind === 'quote' && (
          <button
            type="button"
            data-testid="find-quote"
            aria-expanded={findingQuote}
            onClick={() => setFindingQuote((v) => !v)}
          >
            Find this quote in all sources
          </button>
        )}
      </div>
      {corpus && linking && (
        <LinkPicker
          annotation={annotation}
          articles={corpus.articles}
          suggestions={suggestions}
          progress={progress}
          groups={otherGroups}
          onLinkGroup={(groupId) =>
            void run('Linking', () => linkAnnotations(annotation.id, { groupId }), 'Linked.')
          }
          run={run}
        />
      )}
      {corpus && findingQuote && annotation.kind === 'quote' && (
        <QuoteFinder
          annotation={annotation}
          reference={fullestQuote([
            annotation.quote.exact,
            ...(summary?.quote ? [summary.quote.referenceText] : []),
          ])}
          articles={corpus.articles}
          hits={quoteHits ?? []}
          run={run}
        />
      )}
    </section>
  );
}

type Run = (label: string, op: () => Promise<unknown>, done?: string) => Promise<void>;

/** Accept a candidate span: link the annotation already there, or tag it and link in one step. */
function acceptSpan(annotation: Annotation, span: SpanInArticle, existing: Annotation | undefined) {
  return existing
    ? linkAnnotations(annotation.id, { annotationId: existing.id })
    : acceptSuggestion(annotation.id, span);
}

/**
 * The live annotations of the articles a picker shows, to tell which candidate is already
 * tagged. Only those articles: reading every annotation of the workspace on each edit is
 * seconds of work with 100,000 of them.
 */
function useAnnotationsIn(spans: readonly { articleId: string }[] | undefined): Annotation[] {
  const key = [...new Set((spans ?? []).map((s) => s.articleId))].sort().join('|');
  return useLiveQuery(() => (key ? annotationsOfArticles(key.split('|')) : []), [key]) ?? [];
}

function LinkPicker({
  annotation,
  articles,
  suggestions,
  progress,
  groups,
  onLinkGroup,
  run,
}: {
  annotation: Annotation;
  articles: readonly Article[];
  /** Undefined while the worker builds the index or ranks. */
  suggestions: Suggestion[] | undefined;
  progress: IndexProgress;
  groups: { id: string; label: string }[];
  onLinkGroup: (groupId: string) => void;
  run: Run;
}) {
  const all = useAnnotationsIn(suggestions);
  const titleOf = (id: string) => articles.find((a) => a.id === id)?.title ?? '';
  return (
    <div className="link-picker" data-testid="link-picker">
      <h5>Suggested matches in other sources</h5>
      {!suggestions && (
        <p className="hint" role="status" data-testid="matching-progress">
          {progress.ready || progress.total === 0
            ? 'Looking for matches…'
            : `Indexing the library… ${progress.done} of ${progress.total} articles`}
        </p>
      )}
      {suggestions?.length === 0 && <p className="hint">No likely match in the other articles.</p>}
      <ol className="candidates">
        {(suggestions ?? []).map((s) => {
          const existing = existingAt(all, s);
          const linked =
            !!existing && !!annotation.groupId && existing.groupId === annotation.groupId;
          const why = [
            s.reasons.numbers.length ? `figures ${s.reasons.numbers.join(', ')}` : '',
            s.reasons.terms.length ? `terms ${s.reasons.terms.slice(0, 6).join(', ')}` : '',
          ].filter(Boolean);
          return (
            <li
              key={`${s.articleId}:${s.start}`}
              className="candidate"
              data-testid="suggestion"
              data-article-id={s.articleId}
            >
              <div className="candidate-source">
                {titleOf(s.articleId)} <span className="score">{Math.round(s.score * 100)}%</span>
              </div>
              <MarkedText text={s.text} marks={s.marks} />
              {why.length > 0 && <div className="why-line">Shared {why.join('; ')}</div>}
              <button
                type="button"
                className="small primary"
                data-testid="suggestion-accept"
                disabled={linked}
                onClick={() =>
                  void run(
                    'Accepting the suggestion',
                    () => acceptSpan(annotation, s, existing),
                    existing ? 'Linked.' : `Tagged as ${annotation.kind} and linked.`,
                  )
                }
              >
                {linked ? 'Linked' : existing ? 'Link' : 'Tag & link'}
              </button>
            </li>
          );
        })}
      </ol>
      {groups.length > 0 && (
        <>
          <h5>Existing groups</h5>
          <ul className="candidates">
            {groups.map((g) => (
              <li key={g.id}>
                <button
                  type="button"
                  className="group-choice"
                  data-testid="group-choice"
                  title={g.label}
                  onClick={() => onLinkGroup(g.id)}
                >
                  {g.label}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function QuoteFinder({
  annotation,
  reference,
  articles,
  hits,
  run,
}: {
  annotation: Annotation;
  /** The fullest version of the quote: every candidate is diffed against it. */
  reference: string;
  articles: readonly Article[];
  hits: QuoteOccurrence[];
  run: Run;
}) {
  const all = useAnnotationsIn(hits);
  const article = (id: string) => articles.find((a) => a.id === id);
  return (
    <div className="link-picker" data-testid="quote-finder">
      <h5>This quote in other sources</h5>
      {hits.length === 0 && <p className="hint">No other article carries this quote.</p>}
      <ol className="candidates">
        {hits.map((h) => {
          const existing = existingAt(all, h);
          const linked =
            !!existing && !!annotation.groupId && existing.groupId === annotation.groupId;
          const a = article(h.articleId);
          const text = a?.text.slice(h.start, h.end) ?? '';
          const diff = quoteDiff(reference, text);
          const verdict =
            diff.changes.length === 0
              ? 'same words'
              : diff.changes.map(quoteChangeWords).join(', ');
          return (
            <li
              key={`${h.articleId}:${h.start}`}
              className="candidate"
              data-testid="quote-hit"
              data-verbatim={h.verbatim}
            >
              <div className="candidate-source">
                {a?.title}{' '}
                <span
                  className={
                    diff.changes.length === 0 ? 'badge badge-agree' : 'badge badge-integrity'
                  }
                  data-testid="quote-hit-changes"
                >
                  {verdict}
                </span>
              </div>
              {diff.changes.length === 0 ? (
                <span className="marked-text">{text}</span>
              ) : (
                <span className="marked-text" title={text}>
                  <QuoteDiffText diff={diff} />
                </span>
              )}
              <button
                type="button"
                className="small primary"
                data-testid="quote-accept"
                disabled={linked}
                onClick={() =>
                  void run(
                    'Tagging the quote',
                    () => acceptSpan(annotation, h, existing),
                    existing ? 'Linked.' : 'Quote tagged and linked.',
                  )
                }
              >
                {linked ? 'Linked' : existing ? 'Link' : 'Tag & link'}
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
