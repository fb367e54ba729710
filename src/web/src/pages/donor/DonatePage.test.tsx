import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import DonatePage from './DonatePage';
import { fakeFetch, renderRoute } from './testing';
import { donations } from '../../lib/donations';
import { draftKey } from './donateSchema';

const id = '0196f5a2-7c1e-7d3a-9b2f-1a2b3c4d5e6f';
const campaign = {
  id,
  title: 'School books',
  description: 'Books for a village school.',
  campaignType: 'education',
  goalAmount: 20000,
  currentAmount: 0,
  currency: 'BDT',
  startDate: '2026-01-01T00:00:00+00:00',
  endDate: null,
  status: 'active',
  organizerId: 'o1',
  beneficiaryName: null,
  beneficiaryDetails: null,
  imageUrl: null,
  documents: [],
  goalReachedAt: null,
  closedAt: null,
  cancelReason: null,
  createdAt: '2026-01-01T00:00:00+00:00',
  updatedAt: '2026-01-01T00:00:00+00:00',
};

beforeEach(() => {
  window.sessionStorage.clear();
  vi.stubGlobal('fetch', vi.fn(fakeFetch({ [`/api/campaigns/${id}`]: { success: true, data: campaign } })));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('DonatePage', () => {
  it('sends one donation for a double click and disables the button while it runs', async () => {
    const donate = vi.spyOn(donations, 'donate').mockImplementation(() => new Promise(() => undefined));
    renderRoute('/campaigns/:id/donate', `/campaigns/${id}/donate`, <DonatePage />);

    fireEvent.click(await screen.findByRole('button', { name: '৳1,000' }));
    fireEvent.change(screen.getByLabelText('Email for your receipt'), { target: { value: 'rina@example.org' } });
    const submit = screen.getByRole('button', { name: 'Donate ৳1,000.00' });
    fireEvent.click(submit);
    fireEvent.click(submit);

    await waitFor(() => expect(donate).toHaveBeenCalledTimes(1));
    await waitFor(() => expect((submit as HTMLButtonElement).disabled).toBe(true));
    expect(donate).toHaveBeenCalledWith(
      { campaignId: id, amount: 1000, currency: 'BDT', isAnonymous: false, message: undefined, donorName: undefined, donorEmail: 'rina@example.org' },
      'guest',
    );
  });

  it('reads a Bangla amount, asks a guest for an email and keeps what was typed', async () => {
    const donate = vi.spyOn(donations, 'donate');
    renderRoute('/campaigns/:id/donate', `/campaigns/${id}/donate`, <DonatePage />);

    fireEvent.change(await screen.findByLabelText('Amount in taka (৳)'), { target: { value: '১৫০০' } });
    const submit = await screen.findByRole('button', { name: 'Donate ৳1,500.00' });
    fireEvent.click(submit);
    expect(await screen.findByText('Enter your email address.')).toBeTruthy();
    expect(donate).not.toHaveBeenCalled();
    await waitFor(() => expect(JSON.parse(window.sessionStorage.getItem(draftKey(id)) ?? '{}')).toMatchObject({ amount: '১৫০০' }));
  });

  it('restores the typed form from this tab', async () => {
    window.sessionStorage.setItem(draftKey(id), JSON.stringify({ amount: '750', message: 'For the books', isAnonymous: true, donorEmail: 'k@example.org', donorName: '' }));
    renderRoute('/campaigns/:id/donate', `/campaigns/${id}/donate`, <DonatePage />);
    expect(await screen.findByRole('button', { name: 'Donate ৳750.00' })).toBeTruthy();
    expect((screen.getByLabelText('Donate anonymously') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Email for your receipt') as HTMLInputElement).value).toBe('k@example.org');
  });

  it('says why a closed campaign takes no donation', async () => {
    vi.stubGlobal('fetch', vi.fn(fakeFetch({ [`/api/campaigns/${id}`]: { success: true, data: { ...campaign, status: 'completed' } } })));
    renderRoute('/campaigns/:id/donate', `/campaigns/${id}/donate`, <DonatePage />);
    expect(await screen.findByText(/no longer accepts donations/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Donate/ })).toBeNull();
  });
});
