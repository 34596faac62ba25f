/** One choice of a `ChoiceSelect`: the value it sets and what the editor reads. */
export interface Choice<V extends string> {
  value: V;
  label: string;
}

/**
 * A labelled drop-down over a fixed set of values (the list's filters and sort): the options come
 * as data, so each filter states only its choices and what picking one does.
 */
export function ChoiceSelect<V extends string>({
  label,
  testId,
  value,
  choices,
  onChange,
}: {
  label: string;
  testId: string;
  value: V;
  choices: readonly Choice<V>[];
  onChange: (value: V) => void;
}) {
  return (
    <select
      aria-label={label}
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.target.value as V)}
    >
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
