import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { I18nProvider } from '../../lib/i18n';
import { CampaignEditor } from './CampaignEditor';
import { dhakaDay, EMPTY_CAMPAIGN_FORM } from './campaignForm';
import { unsentKey } from './unsentForm';

const auth = vi.hoisted(() => ({
  user: { id: 'u1', email: 'organiser@example.org', role: 'USER', emailVerified: true } as {
    id: string;
    email: string;
    role: string;
    emailVerified: boolean;
  },
  refreshNow: () => Promise.resolve(),
}));
vi.mock('../../lib/auth', () => ({ useAuth: () => auth, signInPath: (r: string) => `/signin?returnTo=${r}` }));

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

let sent: Sent[];
let reply: (request: Sent) => Response;

beforeEach(() => {
  window.sessionStorage.clear();
  auth.user = { ...auth.user, emailVerified: true };
  sent = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const request = { url, method: init.method ?? 'GET', headers: init.headers as Record<string, string>, body: init.body ? JSON.parse(String(init.body)) : undefined };
      sent.push(request);
      return reply(request);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderEditor() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <I18nProvider>
        <MemoryRouter initialEntries={['/me/campaigns/new']}>
          <Routes>
            <Route path="/me/campaigns/new" element={<CampaignEditor />} />
            <Route path="/me/campaigns/:id/edit" element={<p>Editing saved draft</p>} />
            <Route path="/me/campaigns/:id" element={<p>Organiser campaign page</p>} />
          </Routes>
        </MemoryRouter>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

function fillRequired() {
  fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Flood relief in Sylhet' } });
  fireEvent.change(screen.getByLabelText('Description'), { target: { value: 'Food and clean water for 200 families.' } });
  fireEvent.change(screen.getByLabelText('Campaign type'), { target: { value: 'emergency' } });
  fireEvent.change(screen.getByLabelText('Goal amount (৳)'), { target: { value: '100000' } });
  fireEvent.change(screen.getByLabelText('End date'), { target: { value: dhakaDay(new Date(Date.now() + 60 * 24 * 60 * 60 * 1000)) } });
}

/** The message shown for the field labelled `label` (tied to it by aria-describedby). */
function messageFor(label: string): string | null {
  const input = screen.getByLabelText(label);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  const error = ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-error'));
  return error?.textContent ?? null;
}

describe('CampaignEditor', () => {
  it('checks the fields before sending anything', async () => {
    reply = () => answer(500, {});
    renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(messageFor('Title')).toBe('Title is required.'));
    expect(messageFor('Description')).toBe('Description is required.');
    expect(messageFor('Campaign type')).toBe('Campaign type is required.');
    expect(messageFor('Goal amount (৳)')).toBe('Goal amount is required.');
    expect(messageFor('End date')).toBe('End date is required.');
    expect(sent).toHaveLength(0);
  });

  it('puts the API’s validation messages next to their fields, document rows included', async () => {
    reply = () =>
      answer(400, {
        success: false,
        error: {
          code: 'VALIDATION_ERROR',
          message: 'One or more fields are invalid.',
          details: { endDate: ['End date must be after the start date.'], 'documents[0].url': ['Document URL is not allowed.'] },
        },
      });
    renderEditor();
    fillRequired();
    fireEvent.click(screen.getByRole('button', { name: 'Add a document' }));
    fireEvent.change(screen.getByLabelText('Document 1 name'), { target: { value: 'Map' } });
    fireEvent.change(screen.getByLabelText('Document 1 URL'), { target: { value: 'https://example.org/map.pdf' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(messageFor('End date')).toBe('End date must be after the start date.'));
    expect(messageFor('Document 1 URL')).toBe('Document URL is not allowed.');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ url: '/api/campaigns', method: 'POST' });
    expect(sent[0]!.body).toMatchObject({ title: 'Flood relief in Sylhet', campaignType: 'emergency', goalAmount: 100000, currency: 'BDT' });
  });

  it('explains an unverified address, offers a new link, and keeps what was typed', async () => {
    reply = () => answer(403, { success: false, error: { code: 'EMAIL_NOT_VERIFIED', message: 'Verify your email address before publishing a campaign.' } });
    renderEditor();
    fillRequired();
    fireEvent.click(screen.getByRole('button', { name: 'Submit for approval' }));

    expect(await screen.findByText('Verify your email address to save a campaign.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send a new verification link' })).toBeTruthy();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Flood relief in Sylhet');
    const kept = JSON.parse(window.sessionStorage.getItem(unsentKey('u1', undefined))!);
    expect(kept.values.title).toBe('Flood relief in Sylhet');
  });

  it('retries a create with the same Idempotency-Key, and goes to the campaign after "Submit for approval"', async () => {
    let calls = 0;
    reply = () => {
      calls++;
      if (calls === 1) return answer(503, { success: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'Busy.' } });
      return answer(201, { success: true, data: { id: 'c1', status: 'draft', title: 'Flood relief in Sylhet', documents: [] } });
    };
    renderEditor();
    fillRequired();
    fireEvent.click(screen.getByRole('button', { name: 'Submit for approval' }));
    expect(await screen.findByText('Busy.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Submit for approval' }));

    expect(await screen.findByText('Organiser campaign page')).toBeTruthy();
    expect(sent).toHaveLength(2);
    expect(sent[0]!.headers['Idempotency-Key']).toBeTruthy();
    expect(sent[1]!.headers['Idempotency-Key']).toBe(sent[0]!.headers['Idempotency-Key']);
    expect(window.sessionStorage.getItem(unsentKey('u1', undefined))).toBeNull();
  });

  it('brings back what was typed before the session ended', async () => {
    window.sessionStorage.setItem(
      unsentKey('u1', undefined),
      JSON.stringify({ values: { ...EMPTY_CAMPAIGN_FORM, title: 'Half-written title' }, savedAt: Date.now() }),
    );
    renderEditor();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Half-written title');
    fireEvent.click(screen.getByRole('button', { name: 'Discard unsaved changes' }));
    await waitFor(() => expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe(''));
    expect(window.sessionStorage.getItem(unsentKey('u1', undefined))).toBeNull();
  });

  it('warns an unverified organiser before they start', () => {
    auth.user = { ...auth.user, emailVerified: false };
    reply = () => answer(500, {});
    renderEditor();
    expect(screen.getByText('Verify your email address to save a campaign.')).toBeTruthy();
  });
});
