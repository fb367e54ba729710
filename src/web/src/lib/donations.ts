import { api, ApiError } from './api';
import { DonationAttempts, type DonationForm, type PaymentInitiated, type PledgeCreated } from './donate';

function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.isNetworkError || error.status === 429 || error.status >= 500);
}

/** The browser's donation attempts, talking to the real platform. */
export const donations = new DonationAttempts({
  storage: window.sessionStorage,
  newKey: () => crypto.randomUUID(),
  now: () => Date.now(),
  isTransient,
  sleep: (ms) => new Promise((resolve) => window.setTimeout(resolve, ms)),
  createPledge: (form: DonationForm, key: string) =>
    api.post<PledgeCreated>(
      '/api/pledges',
      {
        campaignId: form.campaignId,
        amount: form.amount,
        currency: form.currency,
        isAnonymous: form.isAnonymous,
        message: form.message || undefined,
        donorEmail: form.donorEmail || undefined,
        donorName: form.donorName || undefined,
      },
      { headers: { 'Idempotency-Key': key } },
    ),
  initiatePayment: (pledgeId: string, key: string, guestToken) =>
    api.post<PaymentInitiated>(
      '/api/payments/initiate',
      { pledgeId },
      { headers: { 'Idempotency-Key': key, ...(guestToken ? { 'X-Pledge-Token': guestToken } : {}) } },
    ),
});

export function sessionStorageKeys(): string[] {
  const keys: string[] = [];
  for (let i = 0; i < window.sessionStorage.length; i++) {
    const key = window.sessionStorage.key(i);
    if (key) keys.push(key);
  }
  return keys;
}
