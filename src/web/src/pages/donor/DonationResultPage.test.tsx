import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import DonationResultPage from './DonationResultPage';
import { FakeEventSource, renderRoute } from './testing';
import { attemptStorageKey, type DonationAttempt } from '../../lib/donate';
import { resultKey } from './resultRecord';

const paymentId = '0196f5a2-7c1e-7d3a-9b2f-1a2b3c4d5e6f';
const campaignId = '0196f5a2-0000-7d3a-9b2f-1a2b3c4d5e6f';

function payment(status: string, extra: Record<string, unknown> = {}) {
  return {
    id: paymentId,
    pledgeId: 'pl1',
    campaignId,
    tranId: 'CFA1',
    status,
    amount: 750,
    currency: 'BDT',
    paymentMethod: 'bkash',
    riskLevel: 0,
    riskTitle: 'Safe',
    gatewayUrl: null,
    errorMessage: null,
    refundReason: null,
    refundedAt: null,
    completedAt: null,
    createdAt: '2026-05-02T09:15:00+00:00',
    updatedAt: '2026-05-02T09:15:00+00:00',
    ...extra,
  };
}

function storeGuestAttempt() {
  const attempt: DonationAttempt = {
    form: { campaignId, amount: 750, currency: 'BDT', isAnonymous: false, donorEmail: 'rina@example.org' },
    owner: 'guest',
    pledgeKey: 'k1',
    paymentKey: 'k2',
    pledgeId: 'pl1',
    guestToken: 'guest-token',
    paymentId,
    gatewayUrl: 'http://localhost:5190/EasyCheckOut/x',
    createdAt: Date.now(),
  };
  window.sessionStorage.setItem(attemptStorageKey(campaignId), JSON.stringify(attempt));
}

function answering(...answers: unknown[]) {
  let call = 0;
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    void input;
    void init;
    const body = answers[Math.min(call++, answers.length - 1)];
    return new Response(JSON.stringify({ success: true, data: body }), { status: 200 });
  });
}

beforeEach(() => {
  window.sessionStorage.clear();
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('DonationResultPage', () => {
  it('follows a guest payment with its pledge token until it completes, whatever the query says', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    storeGuestAttempt();
    const fetchMock = answering(payment('pending'), payment('authorized'), payment('completed', { completedAt: '2026-05-02T09:16:00+00:00' }));
    vi.stubGlobal('fetch', fetchMock);

    renderRoute('/donate/result', `/donate/result?paymentId=${paymentId}&status=failed`, <DonationResultPage />);
    const status = await screen.findByTestId('payment-status');
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(status.getAttribute('data-status')).toBe('pending');

    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });
    await waitFor(() => expect(screen.getByTestId('payment-status').getAttribute('data-status')).toBe('completed'));
    expect(screen.getByText('Thank you! Your donation is complete.')).toBeTruthy();

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe(`/api/payments/${paymentId}`);
    expect((init?.headers as Record<string, string>)['X-Pledge-Token']).toBe('guest-token');
    expect((init?.headers as Record<string, string>).Authorization).toBeUndefined();
    expect(fetchMock.mock.calls.every(([, i]) => (i?.method ?? 'GET') === 'GET')).toBe(true);

    // The attempt is finished; a reload can still read the payment from the page's own record.
    expect(window.sessionStorage.getItem(attemptStorageKey(campaignId))).toBeNull();
    expect(window.sessionStorage.getItem(resultKey(paymentId))).toContain('guest-token');
    const polls = fetchMock.mock.calls.length;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000);
    });
    expect(fetchMock.mock.calls.length).toBe(polls);
  });

  it('shows a cancelled checkout as cancelled with a way to try again', async () => {
    storeGuestAttempt();
    vi.stubGlobal('fetch', answering(payment('failed', { errorMessage: 'CANCELLED' })));
    renderRoute('/donate/result', `/donate/result?paymentId=${paymentId}&status=failed`, <DonationResultPage />);
    await waitFor(() => expect(screen.getByTestId('payment-status').getAttribute('data-status')).toBe('cancelled'));
    expect(screen.getByText(/Nothing was charged/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Try again' }).getAttribute('href')).toBe(`/campaigns/${campaignId}/donate`);
  });

  it('shows a held payment as under review', async () => {
    storeGuestAttempt();
    vi.stubGlobal('fetch', answering(payment('captured', { riskLevel: 1, riskTitle: 'Not Safe' })));
    renderRoute('/donate/result', `/donate/result?paymentId=${paymentId}&status=captured`, <DonationResultPage />);
    await waitFor(() => expect(screen.getByTestId('payment-status').getAttribute('data-status')).toBe('held'));
    expect(screen.getByText('Your payment was received and is under review.')).toBeTruthy();
  });

  it('asks nothing and says so when this browser has no way to read the payment', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderRoute('/donate/result', `/donate/result?paymentId=${paymentId}&status=completed`, <DonationResultPage />);
    expect((await screen.findByTestId('payment-status')).getAttribute('data-status')).toBe('unknown');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
