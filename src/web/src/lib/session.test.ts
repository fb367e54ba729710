import { describe, expect, it, vi } from 'vitest';
import { REFRESH_MARGIN_MS, SessionManager, STORAGE_KEY, type RefreshOutcome, type SessionDependencies, type SessionResponse } from './session';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const user = { id: 'u1', email: 'rahim@example.com', role: 'USER', emailVerified: true, firstName: 'Rahim' };
const response = (n: number): SessionResponse => ({ user: { ...user, firstName: undefined }, accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900 });

function setup(refresh: (token: string) => Promise<RefreshOutcome>, storage = new MemoryStorage()) {
  let clock = 0;
  const deps: SessionDependencies = { storage, now: () => clock, refresh: vi.fn(refresh), exclusive: (cb) => cb() };
  const manager = new SessionManager(deps);
  return { manager, deps, storage, advance: (ms: number) => (clock += ms) };
}

describe('SessionManager', () => {
  it('hands out the token while it is fresh, without asking the server', async () => {
    const s = setup(async () => ({ kind: 'refused' }));
    s.manager.start({ ...response(1), user });
    expect(await s.manager.accessToken()).toBe('access-1');
    expect(s.deps.refresh).not.toHaveBeenCalled();
  });

  it('refreshes shortly before expiry and keeps the profile names the refresh does not repeat', async () => {
    const s = setup(async () => ({ kind: 'refreshed', response: response(2) }));
    s.manager.start({ ...response(1), user });
    s.advance(900_000 - REFRESH_MARGIN_MS + 1);
    expect(await s.manager.accessToken()).toBe('access-2');
    expect(s.manager.session?.user.firstName).toBe('Rahim');
    expect(JSON.parse(s.storage.getItem(STORAGE_KEY)!).refreshToken).toBe('refresh-2');
  });

  it('spends a refresh token once even when many requests need a new token at the same moment', async () => {
    const s = setup(async () => ({ kind: 'refreshed', response: response(2) }));
    s.manager.start({ ...response(1), user });
    s.advance(900_000);
    const tokens = await Promise.all([s.manager.accessToken(), s.manager.accessToken(), s.manager.accessToken()]);
    expect(tokens).toEqual(['access-2', 'access-2', 'access-2']);
    expect(s.deps.refresh).toHaveBeenCalledTimes(1);
  });

  it('adopts the token another tab already rotated instead of reusing the spent one', async () => {
    const storage = new MemoryStorage();
    const tabA = setup(async () => ({ kind: 'refreshed', response: response(2) }), storage);
    tabA.manager.start({ ...response(1), user });
    const tabB = setup(async () => ({ kind: 'refused' }), storage);
    tabA.advance(900_000);
    tabB.advance(900_000);
    await tabA.manager.refresh();
    expect(await tabB.manager.accessToken()).toBe('access-2');
    expect(tabB.deps.refresh).not.toHaveBeenCalled();
  });

  it('ends the session when the refresh is refused, and says so', async () => {
    const s = setup(async () => ({ kind: 'refused' }));
    const reasons: string[] = [];
    s.manager.subscribe((_session, reason) => reasons.push(reason));
    s.manager.start({ ...response(1), user });
    s.advance(900_000);
    expect(await s.manager.accessToken()).toBeNull();
    expect(s.manager.session).toBeNull();
    expect(s.storage.getItem(STORAGE_KEY)).toBeNull();
    expect(reasons).toEqual(['signed-in', 'ended']);
  });

  it('keeps the session when the platform cannot be reached', async () => {
    const s = setup(async () => ({ kind: 'unavailable' }));
    s.manager.start({ ...response(1), user });
    s.advance(900_000);
    await s.manager.refresh();
    expect(s.manager.session?.refreshToken).toBe('refresh-1');
  });

  it('schedules the silent refresh a margin before expiry', () => {
    const s = setup(async () => ({ kind: 'refused' }));
    expect(s.manager.msUntilRefreshDue()).toBeNull();
    s.manager.start({ ...response(1), user });
    expect(s.manager.msUntilRefreshDue()).toBe(900_000 - REFRESH_MARGIN_MS);
  });
});
