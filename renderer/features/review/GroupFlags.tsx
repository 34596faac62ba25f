import type { QuoteDiff } from '../../../shared/matching';
import type { GroupSummary } from './groupModel';

type TitleOf = (articleId: string) => string;

/** "agrees" / "conflicting" / "quote differs" badges of a group. */
export function GroupBadges({ summary }: { summary: GroupSummary }) {
  return (
    <span className="group-badges">
      {summary.conflicting ? (
        <span
          className="badge badge-conflict"
          data-testid="conflict-flag"
          title={summary.report.explanation}
        >
          Conflicting
        </span>
      ) : summary.report.state === 'consistent' ? (
        // "at least 101" and 167: different figures, no contradiction; say so, and why.
        <span
          className="badge badge-agree"
          data-testid="consistent-flag"
          title={summary.report.explanation}
        >
          Consistent
        </span>
      ) : (
        <span className="badge badge-agree" data-testid="agree-flag">
          Agrees
        </span>
      )}
      {summary.quoteDiffers && (
        <span className="badge badge-integrity" data-testid="integrity-flag">
          Quote differs
        </span>
      )}
    </span>
  );
}

/** Why a group conflicts: the differing figures and which source states each. */
export function ConflictDetails({ summary, titleOf }: { summary: GroupSummary; titleOf: TitleOf }) {
  if (!summary.conflicting) return null;
  const quantities = summary.report.quantities.filter((q) => q.conflicting);
  const stanceReasons = summary.report.reasons.filter((r) => r.kind === 'stance');
  return (
    <div className="conflict-details" data-testid="conflict-details">
      <div className="conflict-explanation" data-testid="conflict-explanation">
        {summary.report.explanation}
      </div>
      {quantities.map((q) => (
        <div key={q.key} className="conflict-quantity">
          <div className="conflict-key">Different figures for {q.key}</div>
          <ul>
            {q.values.map((v, i) => (
              <li key={`${v.annotationId}:${i}`} data-testid="conflict-value">
                <strong>{v.raw}</strong> <span className="muted">in {titleOf(v.articleId)}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {stanceReasons.map((r) => (
        <div key={r.message} className="conflict-key">
          {r.message}
        </div>
      ))}
    </div>
  );
}

/** Word-level difference between two copies of a quote: struck words dropped, marked added. */
export function QuoteDiffText({ diff }: { diff: QuoteDiff }) {
  return (
    <span className="quote-diff" data-testid="quote-diff">
      {diff.parts.map((p, i) =>
        p.type === 'same' ? (
          <span key={i}>{p.text} </span>
        ) : p.type === 'added' ? (
          <ins key={i}>{p.text} </ins>
        ) : (
          <del key={i}>{p.text} </del>
        ),
      )}
    </span>
  );
}

/** The distinct wordings of a quote across the group's sources, each diffed against the first. */
export function IntegrityDetails({
  summary,
  titleOf,
}: {
  summary: GroupSummary;
  titleOf: TitleOf;
}) {
  const integrity = summary.integrity;
  if (!integrity?.differs) return null;
  const articleOf = new Map(summary.members.map((m) => [m.annotation.id, m.annotation.articleId]));
  const sources = (ids: string[]) =>
    [...new Set(ids.map((id) => titleOf(articleOf.get(id) ?? '')))].join(', ');
  return (
    <div className="integrity-details" data-testid="integrity-details">
      {integrity.variants.map((v, i) => (
        <div key={v.normalized} className="integrity-variant">
          <div className="muted">
            {i === 0
              ? 'Reference wording'
              : v.diff?.truncated && !v.diff.altered
                ? 'Cut'
                : 'Altered'}{' '}
            — {sources(v.annotationIds)}
          </div>
          {v.diff ? (
            <QuoteDiffText diff={v.diff} />
          ) : (
            <span className="quote-diff">{v.normalized}</span>
          )}
        </div>
      ))}
    </div>
  );
}
