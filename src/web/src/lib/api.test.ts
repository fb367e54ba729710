import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, buildUrl, setTokenSource } from './api';

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => setTokenSource(null));

describe('api', () => {
  it('unwraps the envelope and the pagination', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(200, { success: true, data: [{ id: 1 }], pagination: { page: 2, limit: 1, total: 5, totalPages: 5 } })));
    const page = await api.page<{ id: number }>('/api/campaigns', { query: { page: 2, search: '', type: undefined } });
    expect(page.items).toEqual([{ id: 1 }]);
    expect(page.pagination.totalPages).toBe(5);
    expect(vi.mocked(fetch).mock.calls[0]![0]).toBe('/api/campaigns?page=2');
  });

  it('raises the error envelope with its field messages in camelCase', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(400, { success: false, error: { code: 'VALIDATION_ERROR', message: 'Invalid.', details: { GoalAmount: ['Too small.'], title: 'Required.' } } })));
    const error = (await api.post('/api/campaigns', {}).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.fieldErrors).toEqual({ goalAmount: ['Too small.'], title: ['Required.'] });
  });

  it('reports a dropped connection as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = (await api.get('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(error.isNetworkError).toBe(true);
  });

  it('sends the bearer token, renews it once on 401 and repeats the request', async () => {
    let token = 'old';
    setTokenSource({ accessToken: async () => token, refreshAfterUnauthorized: async () => ((token = 'new'), true) });
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => ((init.headers as Record<string, string>).Authorization === 'Bearer new' ? answer(200, { success: true, data: 'ok' }) : answer(401, { success: false, error: { code: 'UNAUTHORIZED', message: 'no' } }))));
    expect(await api.get('/api/auth/profile')).toBe('ok');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('asks again as nobody when the session cannot be renewed, so public pages still load', async () => {
    setTokenSource({ accessToken: async () => 'stale', refreshAfterUnauthorized: async () => false });
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => ((init.headers as Record<string, string>).Authorization ? answer(401, { success: false, error: { code: 'UNAUTHORIZED', message: 'no' } }) : answer(200, { success: true, data: 'public' }))));
    expect(await api.get('/api/campaigns')).toBe('public');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('builds query strings without empty values', () => {
    expect(buildUrl('/a', { q: 'x y', empty: '', none: null, n: 0 })).toBe('/a?q=x+y&n=0');
  });
});
