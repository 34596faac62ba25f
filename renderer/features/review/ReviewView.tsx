/** Placeholder: built with claim groups (issue 3). */
export function ReviewView() {
  return (
    <div className="empty-state main-empty">
      <p>Coming with claim groups.</p>
    </div>
  );
}
