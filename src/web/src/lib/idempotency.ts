// An Idempotency-Key belongs to one request body: the same body sent again (a retry after a dropped connection or
// a busy answer) carries the same key, so the platform answers it once; a changed body is a new attempt with a new
// key, because the platform refuses a key reused with a different body.

export interface KeyedAttempt {
  key: string;
  body: string;
}

/** The previous attempt's key when the body is the same, else a new one. */
export function keyFor(previous: KeyedAttempt | null | undefined, body: string, newKey: () => string): string {
  return previous && previous.body === body ? previous.key : newKey();
}

/** Keeps the last attempt in memory, for a dialog whose requests need not outlive the page. */
export class AttemptKey {
  private last: KeyedAttempt | null = null;
  private readonly newKey: () => string;

  constructor(newKey: () => string = () => crypto.randomUUID()) {
    this.newKey = newKey;
  }

  for(request: unknown): string {
    const body = JSON.stringify(request ?? null);
    const key = keyFor(this.last, body, this.newKey);
    this.last = { key, body };
    return key;
  }
}
