import type { FormEvent, ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { paramsFromForm } from './helpers';

/**
 * A filter form kept in the address bar (so a filtered list can be reloaded, shared, and Back works).
 * Submitting applies every field at once and starts again at page 1; "Clear filters" empties them.
 */
export function Filters({ label, keys, children }: { label: string; keys: readonly string[]; children: ReactNode }) {
  const [params, setParams] = useSearchParams();
  const active = keys.some((key) => params.get(key));
  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams(paramsFromForm(new FormData(event.currentTarget), keys));
  }
  return (
    // The key remounts the form when the address changes (Back, Clear), so its fields show what is applied.
    <form key={params.toString()} className="a-filters card" aria-label={label} onSubmit={apply}>
      <div className="a-filter-fields">{children}</div>
      <div className="row">
        <button type="submit" className="button">
          Apply filters
        </button>
        {active && (
          <button type="button" className="button secondary" onClick={() => setParams(new URLSearchParams())}>
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}

export function SelectFilter({
  name,
  label,
  options,
  anyLabel = 'Any',
  hint,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  anyLabel?: string;
  hint?: string;
}) {
  const [params] = useSearchParams();
  const id = `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <select id={id} name={name} defaultValue={params.get(name) ?? ''} aria-describedby={hint ? `${id}-hint` : undefined}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TextFilter({
  name,
  label,
  type = 'search',
  hint,
  error,
  maxLength = 200,
}: {
  name: string;
  label: string;
  type?: 'search' | 'text' | 'date';
  hint?: string;
  error?: string;
  maxLength?: number;
}) {
  const [params] = useSearchParams();
  const id = `filter-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={params.get(name) ?? ''}
        maxLength={type === 'date' ? undefined : maxLength}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy}
      />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
