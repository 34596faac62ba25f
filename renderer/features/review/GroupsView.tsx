import { useMemo } from 'react';
import type { Article } from '../../../shared/model/types';
import { reportError } from '../../components/toasts';
import { progressLine } from '../../../shared/summary';
import {
  cellStateWords,
  groupColours,
  sourceLookup,
  summarizeGroups,
  type GroupSummary,
} from './groupModel';
import { VerdictEditor } from './VerdictEditor';
import { ConflictDetails, GroupBadges, IntegrityDetails } from './GroupFlags';
import { GroupLabelField } from './GroupLabelField';
import { useGroupsData } from './reviewData';
import { openInReview } from './reviewNav';

/** Every claim group: its members by source, agreement state and the figures each states. */
export function GroupsView() {
  const data = useGroupsData();
  const view = useMemo(() => {
    if (!data) return null;
    return {
      summaries: summarizeGroups(data.groups, data.members, sourceLookup(data.articles)),
      colours: groupColours(data.groups),
      articles: new Map(data.articles.map((a) => [a.id, a])),
    };
  }, [data]);
  if (!view) return null;
  if (view.summaries.length === 0) {
    return (
      <div className="empty-state main-empty" data-testid="groups-empty">
        <h2>No claim groups yet</h2>
        <p>
          Tag a claim (select text, press <kbd>C</kbd>), then use “Link to…” in its panel to link
          the same claim in other sources.
        </p>
      </div>
    );
  }
  const conflicting = view.summaries.filter((s) => s.conflicting).length;
  return (
    <div className="groups-view" data-testid="groups-view">
      <p className="muted groups-summary" data-testid="groups-progress">
        {view.summaries.length} group{view.summaries.length === 1 ? '' : 's'}, {conflicting}{' '}
        conflicting · {progressLine(view.summaries)}
      </p>
      {view.summaries.map((s) => (
        <GroupCard
          key={s.group.id}
          summary={s}
          colour={view.colours.get(s.group.id) ?? 0}
          articles={view.articles}
        />
      ))}
    </div>
  );
}

function GroupCard({
  summary,
  colour,
  articles,
}: {
  summary: GroupSummary;
  colour: number;
  articles: Map<string, Article>;
}) {
  const titleOf = (id: string) => articles.get(id)?.title ?? 'a deleted article';
  const bySource = new Map<string, GroupSummary['members']>();
  for (const m of summary.members) {
    const list = bySource.get(m.annotation.articleId);
    if (list) list.push(m);
    else bySource.set(m.annotation.articleId, [m]);
  }
  return (
    <article
      className={`group-card${summary.conflicting ? ' conflicting' : ''}`}
      data-testid="group-card"
      data-group-id={summary.group.id}
      data-state={summary.conflicting ? 'conflicting' : 'agrees'}
      data-summary-state={summary.state}
    >
      <header className="group-card-head">
        <span className={`swatch swatch-${colour}`} aria-hidden />
        <GroupLabelField group={summary.group} />
        <GroupBadges summary={summary} />
        <span className="muted">
          {summary.members.length} member{summary.members.length === 1 ? '' : 's'} in{' '}
          {bySource.size} source{bySource.size === 1 ? '' : 's'}
        </span>
      </header>
      <ConflictDetails summary={summary} titleOf={titleOf} />
      <IntegrityDetails summary={summary} titleOf={titleOf} />
      <VerdictEditor summary={summary} />
      <dl className="group-sources">
        {[...bySource.entries()].map(([articleId, members]) => (
          <div key={articleId} className="group-source">
            <dt title={titleOf(articleId)}>
              {articles.get(articleId)?.source ?? titleOf(articleId)}
            </dt>
            {members.map((m) => (
              <dd key={m.annotation.id} data-state={m.state}>
                <button
                  type="button"
                  className="member-open"
                  data-testid="group-member-open"
                  title="Open in side-by-side review"
                  onClick={() =>
                    void openInReview({
                      groupId: summary.group.id,
                      articleId,
                      annotationId: m.annotation.id,
                    }).catch((e) => reportError('Opening review', e))
                  }
                >
                  {m.annotation.kind === 'quote' && m.annotation.speaker && (
                    <span className="speaker">{m.annotation.speaker}: </span>
                  )}
                  {m.annotation.quote.exact}
                </button>
                <span className={`state state-${m.state}`}>{cellStateWords(m.state)}</span>
                {m.figures.length > 0 && (
                  <span className="figures" data-testid="member-figures">
                    {m.figures.map((f, i) => (
                      <span
                        key={i}
                        className={f === m.conflictingValue ? 'figure figure-conflict' : 'figure'}
                      >
                        {f}
                      </span>
                    ))}
                  </span>
                )}
              </dd>
            ))}
          </div>
        ))}
      </dl>
    </article>
  );
}
