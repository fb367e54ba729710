import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import GuestHistoryPage from './GuestHistoryPage';
import { renderRoute } from './testing';
import { GUEST_HISTORY_STORAGE_KEY } from './guestLink';

const record = {
  pledgeId: 'pl1',
  campaignId: 'c1',
  campaignTitle: 'Flood relief in Sylhet',
  amount: 750,
  currency: 'BDT',
  isAnonymous: false,
  donorName: 'Rina',
  message: null,
  status: 'completed',
  donatedAt: '2026-05-02T09:15:00+00:00',
  refundedAt: null,
};

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/donations/guest#email=rina%40example.org&token=tok-1');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('GuestHistoryPage', () => {
  it('reads the link, removes it from the address bar and lists the donations', async () => {
    const fetchMock = vi.fn(async () =>
      new Response(JSON.stringify({ success: true, data: [record], pagination: { page: 1, limit: 10, total: 1, totalPages: 1 } }), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderRoute('/donations/guest', '/donations/guest', <GuestHistoryPage />);

    expect(await screen.findByRole('link', { name: 'Flood relief in Sylhet' })).toBeTruthy();
    expect(window.location.hash).toBe('');
    expect(JSON.parse(window.sessionStorage.getItem(GUEST_HISTORY_STORAGE_KEY) ?? '{}')).toEqual({ email: 'rina@example.org', token: 'tok-1' });
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.headers).toMatchObject({ 'X-Donor-Email': 'rina@example.org', 'X-Donor-History-Token': 'tok-1' });
  });

  it('says when the link is not valid and offers a new one', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        new Response(JSON.stringify({ success: false, error: { code: 'INVALID_HISTORY_LINK', message: 'no' } }), { status: 401 }),
      ),
    );
    renderRoute('/donations/guest', '/donations/guest', <GuestHistoryPage />);
    expect(await screen.findByText(/not valid or has expired/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Email me a new link' }).getAttribute('href')).toBe('/donations/guest/request');
    await waitFor(() => expect(window.sessionStorage.getItem(GUEST_HISTORY_STORAGE_KEY)).toBeNull());
  });
});
