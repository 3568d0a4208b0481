import type { InputHTMLAttributes, ReactNode } from 'react';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  /** A line under the input, read out as its description. */
  hint?: ReactNode;
  /** The value is refused; the hint says why. */
  invalid?: boolean;
}

/** A labelled input with an optional hint; other props go to the <input>. */
export function TextField({ id, label, hint, invalid, ...input }: TextFieldProps) {
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={invalid}
        aria-describedby={hint === undefined ? undefined : hintId}
        {...input}
      />
      {hint !== undefined && (
        <p id={hintId} className={invalid ? 'hint counter-low' : 'hint'}>
          {hint}
        </p>
      )}
    </div>
  );
}
