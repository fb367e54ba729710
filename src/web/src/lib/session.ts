// The signed-in session: tokens kept in localStorage so every tab shares them, refreshed shortly before the access
// token expires. Refresh tokens rotate and a reused one revokes the whole session, so tabs take turns (Web Locks)
// and a tab that finds the stored token already rotated by another tab adopts it instead of spending it again.

export interface SessionUser {
  id: string;
  email: string;
  role: string;
  emailVerified: boolean;
  firstName?: string | null;
  lastName?: string | null;
}

export interface Session {
  user: SessionUser;
  accessToken: string;
  /** Epoch milliseconds. */
  accessTokenExpiresAt: number;
  refreshToken: string;
}

/** What login, register and refresh answer with (inside the envelope's data). */
export interface SessionResponse {
  user: SessionUser;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export type RefreshOutcome = { kind: 'refreshed'; response: SessionResponse } | { kind: 'refused' } | { kind: 'unavailable' };

export interface SessionDependencies {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  now: () => number;
  /** Calls POST /api/auth/refresh. 'refused' ends the session; 'unavailable' (network, 5xx) keeps it for later. */
  refresh: (refreshToken: string) => Promise<RefreshOutcome>;
  /** Runs the callback while no other tab refreshes. */
  exclusive: <T>(callback: () => Promise<T>) => Promise<T>;
}

export const STORAGE_KEY = 'careforall.session';
/** Refresh this long before the access token expires, so a request never leaves with a token about to lapse. */
export const REFRESH_MARGIN_MS = 60_000;

export type SessionListener = (session: Session | null, reason: 'signed-in' | 'refreshed' | 'signed-out' | 'ended') => void;

export class SessionManager {
  private current: Session | null;
  private inFlight: Promise<Session | null> | null = null;
  private readonly listeners = new Set<SessionListener>();
  private readonly deps: SessionDependencies;

  constructor(deps: SessionDependencies) {
    this.deps = deps;
    this.current = this.read();
  }

  get session(): Session | null {
    return this.current;
  }

  subscribe(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(response: SessionResponse): Session {
    const session = this.fromResponse(response);
    this.write(session);
    this.emit('signed-in');
    return session;
  }

  /** Forgets the session locally (the caller tells the server). */
  clear(reason: 'signed-out' | 'ended' = 'signed-out'): void {
    this.current = null;
    this.deps.storage.removeItem(STORAGE_KEY);
    this.emit(reason);
  }

  /** Another tab changed the stored session: follow it. */
  syncFromStorage(): void {
    const stored = this.read();
    const before = this.current;
    this.current = stored;
    if (!stored && before) this.emit('ended');
    else if (stored && stored.refreshToken !== before?.refreshToken) this.emit('refreshed');
  }

  /** Milliseconds until a refresh is due, or null when signed out. */
  msUntilRefreshDue(): number | null {
    if (!this.current) return null;
    return Math.max(0, this.current.accessTokenExpiresAt - REFRESH_MARGIN_MS - this.deps.now());
  }

  /** A usable access token, refreshing first when it is close to expiry. Null when signed out. */
  async accessToken(): Promise<string | null> {
    const session = this.current;
    if (!session) return null;
    if (session.accessTokenExpiresAt - REFRESH_MARGIN_MS > this.deps.now()) return session.accessToken;
    const refreshed = await this.refresh();
    return refreshed?.accessToken ?? null;
  }

  /** One refresh at a time in this tab, and one across tabs. */
  refresh(): Promise<Session | null> {
    if (!this.inFlight) {
      this.inFlight = this.refreshExclusively().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  private async refreshExclusively(): Promise<Session | null> {
    const spent = this.current?.refreshToken;
    if (!spent) return null;
    return this.deps.exclusive(async () => {
      const stored = this.read();
      if (!stored) {
        this.current = null;
        this.emit('ended');
        return null;
      }
      if (stored.refreshToken !== spent && stored.accessTokenExpiresAt - REFRESH_MARGIN_MS > this.deps.now()) {
        // Another tab refreshed while this one waited for its turn.
        this.current = stored;
        this.emit('refreshed');
        return stored;
      }
      const outcome = await this.deps.refresh(stored.refreshToken);
      switch (outcome.kind) {
        case 'refreshed': {
          const session = this.fromResponse(outcome.response, stored.user);
          this.write(session);
          this.emit('refreshed');
          return session;
        }
        case 'refused':
          this.clear('ended');
          return null;
        default:
          // Offline or the platform is busy: keep the session and let the caller's request decide.
          return stored;
      }
    });
  }

  private fromResponse(response: SessionResponse, previousUser?: SessionUser): Session {
    return {
      user: mergeUser(previousUser, response.user),
      accessToken: response.accessToken,
      accessTokenExpiresAt: this.deps.now() + response.expiresIn * 1000,
      refreshToken: response.refreshToken,
    };
  }

  private write(session: Session): void {
    this.current = session;
    this.deps.storage.setItem(STORAGE_KEY, JSON.stringify(session));
  }

  private read(): Session | null {
    const raw = this.deps.storage.getItem(STORAGE_KEY);
    if (!raw) return null;
    try {
      const value = JSON.parse(raw) as Partial<Session>;
      if (typeof value.accessToken !== 'string' || typeof value.refreshToken !== 'string' || !value.user || typeof value.accessTokenExpiresAt !== 'number') {
        return null;
      }
      return value as Session;
    } catch {
      return null;
    }
  }

  private emit(reason: Parameters<SessionListener>[1]): void {
    for (const listener of this.listeners) listener(this.current, reason);
  }
}

/** A refresh answers with fewer user fields than sign-in did; what it leaves out is kept. */
function mergeUser(previous: SessionUser | undefined, next: SessionUser): SessionUser {
  const defined = Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined)) as Partial<SessionUser>;
  return { ...previous, ...defined } as SessionUser;
}

/** Runs callbacks one at a time across the browser's tabs where Web Locks exist, and within this tab otherwise. */
export function browserExclusive(): SessionDependencies['exclusive'] {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(callback: () => Promise<T>): Promise<T> => {
    if (typeof navigator !== 'undefined' && navigator.locks) {
      return navigator.locks.request('careforall.session.refresh', callback) as Promise<T>;
    }
    const run = tail.then(callback, callback);
    tail = run.catch(() => undefined);
    return run;
  };
}
