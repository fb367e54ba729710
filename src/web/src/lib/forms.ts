import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api';

/**
 * Puts the API's validation messages next to the fields they name; answers the messages no field took, for a
 * banner above the form.
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return null;
  const leftover: string[] = [];
  let placed = false;
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    if (fields.includes(field)) {
      setError(field as Path<T>, { type: 'server', message: messages.join(' ') });
      placed = true;
    } else {
      leftover.push(...messages);
    }
  }
  if (leftover.length > 0) return leftover.join(' ');
  return placed ? null : error.message;
}
