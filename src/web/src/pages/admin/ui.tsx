import { forwardRef, useId, type ReactNode } from 'react';
import { errorText } from './helpers';

/** The page's one h1; focusable from script so focus has somewhere to go when the row it was on goes away. */
export const PageTitle = forwardRef<HTMLHeadingElement, { children: ReactNode }>(function PageTitle({ children }, ref) {
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
});

/** Always in the page, so what is put in it is announced (after an action, a refresh). */
export function StatusMessage({ message }: { message: string }) {
  return (
    <p className={message ? 'admin-status alert success' : 'admin-status'} role="status" aria-live="polite">
      {message}
    </p>
  );
}

/** A status as a word in a pill (the class only adds colour; the text carries the meaning). */
export function Badge({ tone, children }: { tone: string; children: ReactNode }) {
  return <span className={`badge ${tone}`}>{children}</span>;
}

/** A reason box for a dialog; `required` is checked by the dialog's form before it confirms. */
export function ReasonField({
  label,
  value,
  onChange,
  required,
  maxLength,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  maxLength: number;
  error?: string[];
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={error?.length ? 'field invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {!required && <span className="muted"> (optional)</span>}
      </label>
      <p className="hint" id={hintId}>
        {required ? 'Required. ' : ''}Up to {maxLength} characters; kept in the audit log.
      </p>
      <textarea
        id={id}
        rows={3}
        value={value}
        required={required}
        maxLength={maxLength}
        aria-invalid={Boolean(error?.length)}
        aria-describedby={error?.length ? `${hintId} ${errorId}` : hintId}
        onChange={(e) => onChange(e.target.value)}
      />
      {error?.length ? (
        <p className="field-error" id={errorId}>
          {error.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** An error envelope shown inline (filters refused by the API). */
export function ErrorAlert({ error }: { error: unknown }) {
  const problem = errorText(error);
  return (
    <div className="alert error" role="alert">
      {problem.message}
      {problem.code && <span> ({problem.code})</span>}
    </div>
  );
}

/** A UUID shown short with the full value for assistive tech and on hover. */
export function Id({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="muted">—</span>;
  return (
    <code className="admin-id" title={value}>
      <span aria-hidden="true">{value.split('-')[0]}…</span>
      <span className="visually-hidden">{value}</span>
    </code>
  );
}
