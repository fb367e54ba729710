import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { CampaignPage } from './CampaignPage';
import { fakeFetch, FakeEventSource, renderRoute } from './testing';

const id = '0196f5a2-7c1e-7d3a-9b2f-1a2b3c4d5e6f';
const campaign = {
  id,
  title: 'Heart surgery for Rahim',
  description: 'Rahim needs an operation.',
  campaignType: 'medical',
  goalAmount: 50000,
  currentAmount: 1000,
  currency: 'BDT',
  startDate: '2026-01-01T00:00:00+00:00',
  endDate: '2099-01-01T00:00:00+00:00',
  status: 'active',
  organizerId: 'o1',
  beneficiaryName: 'Rahim',
  beneficiaryDetails: null,
  imageUrl: null,
  documents: [],
  goalReachedAt: null,
  closedAt: null,
  cancelReason: null,
  createdAt: '2026-01-01T00:00:00+00:00',
  updatedAt: '2026-01-01T00:00:00+00:00',
};

function totals(version: number, raisedAmount: number, donorCount: number) {
  return { campaignId: id, title: campaign.title, status: 'active', goalAmount: 50000, raisedAmount, currency: 'BDT', donorCount, donationCount: donorCount, progressPercentage: raisedAmount / 500, version, updatedAt: '2026-05-02T09:15:00+00:00' };
}

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn(
      fakeFetch({
        [`/api/campaigns/${id}`]: { success: true, data: campaign },
        [`/api/query/campaigns/${id}/donations`]: {
          success: true,
          data: [
            { donorName: 'Anonymous', isAnonymous: true, amount: 500, currency: 'BDT', message: null, donatedAt: '2026-05-01T10:00:00+00:00' },
            { donorName: 'Karim', isAnonymous: false, amount: 500, currency: 'BDT', message: 'Get well', donatedAt: '2026-05-01T09:00:00+00:00' },
          ],
          pagination: { page: 1, limit: 10, total: 2, totalPages: 1 },
        },
      }),
    ),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CampaignPage', () => {
  it('updates the raised amount in place from the live stream and ignores an older version', async () => {
    renderRoute('/campaigns/:id', `/campaigns/${id}`, <CampaignPage />);
    expect(await screen.findByRole('heading', { level: 1, name: campaign.title })).toBeTruthy();
    const raised = screen.getByTestId('raised-amount');
    expect(raised.textContent).toBe('৳1,000.00');

    const stream = FakeEventSource.instances.at(-1)!;
    expect(stream.url).toBe(`/api/query/campaigns/${id}/live`);
    act(() => stream.emit('totals', totals(5, 1750, 3)));
    expect(screen.getByTestId('raised-amount')).toBe(raised);
    expect(raised.textContent).toBe('৳1,750.00');
    expect(screen.getByTestId('donor-count').textContent).toBe('3');

    act(() => stream.emit('totals', totals(4, 1500, 2)));
    expect(raised.textContent).toBe('৳1,750.00');
    expect(screen.getByTestId('donor-count').textContent).toBe('3');
  });

  it('offers the donate link and shows anonymous donors without a name', async () => {
    renderRoute('/campaigns/:id', `/campaigns/${id}`, <CampaignPage />);
    const donate = await screen.findByRole('link', { name: 'Donate' });
    expect(donate.getAttribute('href')).toBe(`/campaigns/${id}/donate`);
    await waitFor(() => expect(screen.getByText('Karim')).toBeTruthy());
    expect(screen.getByText('Anonymous')).toBeTruthy();
  });

  it('falls back to polling the totals when the stream is refused', async () => {
    renderRoute('/campaigns/:id', `/campaigns/${id}`, <CampaignPage />);
    await screen.findByRole('heading', { level: 1, name: campaign.title });
    const fetchMock = vi.mocked(fetch);
    act(() => FakeEventSource.instances.at(-1)!.fail(true));
    await waitFor(() => expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith(`/api/query/campaigns/${id}/totals`))).toBe(true));
    expect(await screen.findByText('The total refreshes every few seconds.')).toBeTruthy();
  });
});
