import type { QuoteDiff } from '../../../shared/matching';
import { quoteChangeWords } from '../../../shared/matching/quotes';
import { stateWords } from '../../../shared/summary';
import type { GroupSummary } from './groupModel';

type TitleOf = (articleId: string) => string;

/** The group's state ("Agrees", "Conflicting", …), quote check and verdict, as badges. */
export function GroupBadges({ summary }: { summary: GroupSummary }) {
  return (
    <span className="group-badges">
      {summary.conflicting ? (
        <span
          className="badge badge-conflict"
          data-testid="conflict-flag"
          title={summary.explanation}
        >
          <span aria-hidden>⚠ </span>
          {stateWords(summary.state)}
        </span>
      ) : (
        // Agrees, or consistent ("at least 101" and 167: different figures, no contradiction).
        <span
          className={`badge badge-agree badge-${summary.state}`}
          data-testid="agree-flag"
          data-state={summary.state}
          title={summary.explanation}
        >
          {stateWords(summary.state)}
        </span>
      )}
      {summary.quoteDiffers && (
        <span
          className="badge badge-integrity"
          data-testid="integrity-flag"
          title={summary.quote?.explanation}
        >
          <span aria-hidden>≠ </span>Quote altered
        </span>
      )}
      {summary.verdict && (
        <span className="badge badge-verdict" data-testid="verdict-badge">
          {summary.verdict}
        </span>
      )}
    </span>
  );
}

/** Why a group conflicts (or agrees): the figures and which outlet states each. */
export function ConflictDetails({ summary, titleOf }: { summary: GroupSummary; titleOf: TitleOf }) {
  if (!summary.conflicting) {
    return summary.state === 'none' ? null : (
      <p className="muted conflict-explanation" data-testid="conflict-explanation">
        {summary.explanation}
      </p>
    );
  }
  const quantities = summary.report.quantities.filter((q) => q.conflicting);
  const stanceReasons = summary.report.reasons.filter((r) => r.kind === 'stance');
  return (
    <div className="conflict-details" data-testid="conflict-details">
      <p className="conflict-explanation" data-testid="conflict-explanation">
        {summary.explanation}
      </p>
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
          <ins key={i}>
            <span className="sr-only">added: </span>
            {p.text}{' '}
          </ins>
        ) : (
          <del key={i}>
            <span className="sr-only">missing: </span>
            {p.text}{' '}
          </del>
        ),
      )}
    </span>
  );
}

/** Which outlet altered the quote and how, each copy diffed against the fullest version. */
export function IntegrityDetails({ summary }: { summary: GroupSummary; titleOf?: TitleOf }) {
  const quote = summary.quote;
  if (!quote?.differs) return null;
  return (
    <div className="integrity-details" data-testid="integrity-details">
      <p className="integrity-summary" data-testid="integrity-summary">
        {quote.explanation}
      </p>
      <div className="integrity-variant">
        <div className="muted">Fullest version — {quote.referenceOutlets.join(', ')}</div>
        <span className="quote-diff">{quote.referenceText}</span>
      </div>
      {quote.alterations.map((a) => (
        <div key={a.articleId} className="integrity-variant" data-testid="integrity-variant">
          <div className="muted">
            {a.changes.map(quoteChangeWords).join(', ')} — {a.outlet}
          </div>
          <QuoteDiffText diff={a.diff} />
        </div>
      ))}
    </div>
  );
}
