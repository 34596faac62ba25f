/** Inputs that take no typing: app shortcuts (undo, J/K…) still apply while they have focus. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color']);

/** True when a key press belongs to a text field, so single-letter app shortcuts must not fire. */
export function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    ((el.tagName === 'INPUT' && !NOT_TYPED.has((el as HTMLInputElement).type)) ||
      el.tagName === 'TEXTAREA' ||
      el.tagName === 'SELECT' ||
      el.isContentEditable)
  );
}
