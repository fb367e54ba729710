import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, setTokenSource } from './api';
import { browserExclusive, SessionManager, type RefreshOutcome, type SessionResponse, type SessionUser } from './session';

export async function refreshWithServer(refreshToken: string): Promise<RefreshOutcome> {
  try {
    const response = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken }),
      credentials: 'omit',
    });
    if (response.ok) {
      const envelope = (await response.json()) as { data: SessionResponse };
      return { kind: 'refreshed', response: envelope.data };
    }
    // 401 (expired, revoked, reused) and 403 (suspended) end the session; anything else is the platform being busy.
    return response.status === 401 || response.status === 403 ? { kind: 'refused' } : { kind: 'unavailable' };
  } catch {
    return { kind: 'unavailable' };
  }
}

export const sessions = new SessionManager({
  storage: window.localStorage,
  now: () => Date.now(),
  refresh: refreshWithServer,
  exclusive: browserExclusive(),
});

setTokenSource({
  accessToken: () => sessions.accessToken(),
  async refreshAfterUnauthorized() {
    const before = sessions.session?.accessToken;
    const after = await sessions.refresh();
    return after !== null && after.accessToken !== before;
  },
});

export interface RegisterInput {
  email: string;
  password: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
}

interface AuthContextValue {
  user: SessionUser | null;
  isAdmin: boolean;
  /** The last session in this tab ended because it could not be renewed (not because the person signed out). */
  sessionEnded: boolean;
  signIn(email: string, password: string): Promise<SessionUser>;
  register(input: RegisterInput): Promise<SessionUser>;
  signOut(): Promise<void>;
  /** Fetches a fresh token now, e.g. after the email address was verified, so its claims follow. */
  refreshNow(): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** Where sign-in sends the person back to, kept in the URL so a reload does not lose it. */
export function signInPath(returnTo: string, reason?: 'expired' | 'required'): string {
  const params = new URLSearchParams({ returnTo });
  if (reason) params.set('reason', reason);
  return `/signin?${params.toString()}`;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(() => sessions.session?.user ?? null);
  const [sessionEnded, setSessionEnded] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();

  useEffect(() => {
    return sessions.subscribe((session, reason) => {
      setUser(session?.user ?? null);
      setSessionEnded(reason === 'ended');
      if (reason === 'ended' || reason === 'signed-out') queryClient.removeQueries({ predicate: (q) => q.meta?.private === true });
      if (reason === 'ended') {
        const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
        if (!window.location.pathname.startsWith('/signin')) navigate(signInPath(here, 'expired'), { replace: true });
      }
    });
  }, [navigate, queryClient]);

  // Other tabs sign in, refresh and sign out through the same storage.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key === 'careforall.session') sessions.syncFromStorage();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  // Silent refresh shortly before expiry, so an open page keeps working without a failed request first.
  useEffect(() => {
    if (!user) return;
    const due = sessions.msUntilRefreshDue();
    if (due === null) return;
    const timer = window.setTimeout(() => void sessions.refresh(), due);
    return () => window.clearTimeout(timer);
  }, [user, location.key]);

  const signIn = useCallback(async (email: string, password: string) => {
    const response = await api.post<SessionResponse>('/api/auth/login', { email, password }, { anonymous: true });
    return sessions.start(response).user;
  }, []);

  const register = useCallback(async (input: RegisterInput) => {
    const response = await api.post<SessionResponse>('/api/auth/register', input, { anonymous: true });
    return sessions.start(response).user;
  }, []);

  const signOut = useCallback(async () => {
    const refreshToken = sessions.session?.refreshToken;
    try {
      if (refreshToken) await api.post('/api/auth/logout', { refreshToken });
    } catch {
      // Signing out locally matters more than the server hearing of it; the tokens expire on their own.
    }
    sessions.clear('signed-out');
  }, []);

  const refreshNow = useCallback(async () => {
    await sessions.refresh();
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({ user, isAdmin: user?.role === 'ADMIN', sessionEnded, signIn, register, signOut, refreshNow }),
    [user, sessionEnded, signIn, register, signOut, refreshNow],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth needs an AuthProvider.');
  return value;
}
