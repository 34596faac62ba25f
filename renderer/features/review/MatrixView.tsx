/** Placeholder: built with claim groups (issue 3). */
export function MatrixView() {
  return (
    <div className="empty-state main-empty">
      <p>Coming with claim groups.</p>
    </div>
  );
}
