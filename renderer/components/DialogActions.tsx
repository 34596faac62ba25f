import type { ReactNode } from 'react';

/**
 * A dialog's button row as every dialog has it: Cancel, then the one action that confirms
 * (primary, or danger for what cannot be taken back without undo). A `submit` action confirms
 * the dialog's form, so Enter in a field does the same as the button.
 */
export function DialogActions({
  onCancel,
  label,
  onConfirm,
  submit = false,
  disabled = false,
  tone = 'primary',
  testId,
  focusCancel = false,
}: {
  onCancel: () => void;
  label: ReactNode;
  onConfirm?: () => void;
  submit?: boolean;
  disabled?: boolean;
  tone?: 'primary' | 'danger';
  testId?: string;
  /** Focus Cancel first, where the action is destructive. */
  focusCancel?: boolean;
}) {
  return (
    <div className="dialog-actions">
      <button type="button" autoFocus={focusCancel} onClick={onCancel}>
        Cancel
      </button>
      <button
        type={submit ? 'submit' : 'button'}
        className={tone}
        data-testid={testId}
        disabled={disabled}
        onClick={onConfirm}
      >
        {label}
      </button>
    </div>
  );
}
