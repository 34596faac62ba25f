import { Dialog } from '../../components/Dialog';
import type { ImportReport } from './bundleStore';
import { REASON_TEXT } from './reanchorOps';

/** What an import did: counts per kind, re-anchored annotations, and those left to the editor. */
export function ImportReportDialog({
  report,
  onClose,
  onReview,
}: {
  report: ImportReport;
  onClose: () => void;
  onReview: () => void;
}) {
  const { articles, annotations, groups, review } = report.summary;
  return (
    <Dialog title={`Imported “${report.name}”`} onClose={onClose} testId="import-report">
      {!report.changed && (
        <p data-testid="import-nothing-new">
          Nothing new: everything in this bundle is already in your workspace.
        </p>
      )}
      <table className="import-counts" data-testid="import-counts">
        <thead>
          <tr>
            <th />
            <th>Added</th>
            <th>Updated</th>
            <th>Unchanged</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="import-articles">
            <th>Articles</th>
            <td>{articles.added}</td>
            <td>{articles.updated}</td>
            <td>{articles.matched - articles.updated}</td>
          </tr>
          <tr data-testid="import-annotations">
            <th>Annotations</th>
            <td>{annotations.added}</td>
            <td>{annotations.updated}</td>
            <td>{annotations.unchanged + annotations.keptLocal}</td>
          </tr>
          <tr data-testid="import-groups">
            <th>Claim groups</th>
            <td>{groups.added}</td>
            <td>{groups.updated}</td>
            <td>{groups.unchanged + groups.keptLocal}</td>
          </tr>
        </tbody>
      </table>
      {annotations.keptLocal + groups.keptLocal > 0 && (
        <p className="hint">
          {annotations.keptLocal + groups.keptLocal} item(s) were edited here more recently than in
          the bundle; your version was kept.
        </p>
      )}
      {annotations.reanchored > 0 && (
        <p data-testid="import-reanchored">
          {annotations.reanchored} annotation(s) were moved to where their quote now is in the
          article.
        </p>
      )}
      {review.length > 0 && (
        <section data-testid="import-review">
          <p>
            <strong>{review.length}</strong> annotation(s) could not be placed with confidence and
            wait for you in the review queue:
          </p>
          <ul className="import-review-list">
            {review.map((r) => (
              <li key={r.annotationId}>
                <strong>{r.articleTitle}</strong>: “{r.quote}” — {REASON_TEXT[r.reason]}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.warnings.length > 0 && (
        <ul className="hint">
          {report.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {report.changed && (
        <p className="hint">
          Undo history was cleared: an import is not undone step by step. To take it back, delete
          the articles it added.
        </p>
      )}
      <div className="dialog-actions">
        {review.length > 0 && (
          <button type="button" onClick={onReview}>
            Review now
          </button>
        )}
        <button type="button" className="primary" autoFocus onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
