import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import { ATTEMPT_LIFETIME_MS, DonationAttempts, type DonateDependencies, type DonationForm } from './donate';

class MemoryStorage {
  private readonly items = new Map<string, string>();
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

const form: DonationForm = { campaignId: 'c1', amount: 500, currency: 'BDT', isAnonymous: false, donorEmail: 'rahim@example.com' };

function setup(overrides: Partial<DonateDependencies> = {}) {
  let keys = 0;
  let clock = 1_000_000;
  const storage = new MemoryStorage();
  const createPledge = vi.fn(async (_form: DonationForm, key: string) => ({ id: `pledge-for-${key}`, status: 'PENDING', guestToken: 'guest-token' }));
  const initiatePayment = vi.fn(async (pledgeId: string, key: string, _guestToken?: string | null) => ({
    paymentId: `payment-for-${key}`,
    pledgeId,
    status: 'INITIATED',
    gatewayUrl: 'http://localhost:5190/EasyCheckOut/x',
  }));
  const deps: DonateDependencies = {
    storage,
    newKey: () => `key-${++keys}`,
    now: () => clock,
    createPledge,
    initiatePayment,
    isTransient: (e) => e instanceof ApiError && (e.isNetworkError || e.status >= 500),
    sleep: async () => undefined,
    ...overrides,
  };
  return { attempts: new DonationAttempts(deps), createPledge, initiatePayment, storage, advance: (ms: number) => (clock += ms), deps };
}

describe('DonationAttempts', () => {
  let s: ReturnType<typeof setup>;
  beforeEach(() => {
    s = setup();
  });

  it('a double tap shares one request: one pledge, one payment', async () => {
    const [a, b] = await Promise.all([s.attempts.donate(form, 'guest'), s.attempts.donate(form, 'guest')]);
    expect(a).toEqual(b);
    expect(s.createPledge).toHaveBeenCalledTimes(1);
    expect(s.initiatePayment).toHaveBeenCalledTimes(1);
  });

  it('a reload (a new page on the same storage) carries on the stored attempt and asks for nothing again', async () => {
    const first = await s.attempts.donate(form, 'guest');
    const afterReload = new DonationAttempts(s.deps);
    const second = await afterReload.donate({ ...form }, 'guest');
    expect(second.paymentId).toBe(first.paymentId);
    expect(s.createPledge).toHaveBeenCalledTimes(1);
    expect(s.initiatePayment).toHaveBeenCalledTimes(1);
  });

  it('a dropped connection is retried with the same Idempotency-Key', async () => {
    s.createPledge.mockRejectedValueOnce(new ApiError(0, 'NETWORK_ERROR', 'offline'));
    await s.attempts.donate(form, 'guest');
    expect(s.createPledge).toHaveBeenCalledTimes(2);
    expect(s.createPledge.mock.calls[0]![1]).toBe(s.createPledge.mock.calls[1]![1]);
  });

  it('a payment that failed to start is retried later with the pledge already made and the same payment key', async () => {
    s.initiatePayment.mockRejectedValue(new ApiError(0, 'NETWORK_ERROR', 'offline'));
    await expect(s.attempts.donate(form, 'guest')).rejects.toBeInstanceOf(ApiError);
    const keysTried = new Set(s.initiatePayment.mock.calls.map((call) => call[1]));
    s.initiatePayment.mockReset();
    s.initiatePayment.mockResolvedValue({ paymentId: 'p1', pledgeId: 'x', status: 'INITIATED', gatewayUrl: 'http://checkout' });

    await s.attempts.donate(form, 'guest');
    expect(s.createPledge).toHaveBeenCalledTimes(1);
    expect(keysTried.size).toBe(1);
    expect(keysTried.has(s.initiatePayment.mock.calls[0]![1])).toBe(true);
    expect(s.initiatePayment.mock.calls[0]![2]).toBe('guest-token');
  });

  it('a validation error is not retried', async () => {
    s.createPledge.mockRejectedValueOnce(new ApiError(400, 'VALIDATION_ERROR', 'Amount is required.'));
    await expect(s.attempts.donate(form, 'guest')).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(s.createPledge).toHaveBeenCalledTimes(1);
  });

  it('a changed amount is a new attempt with new keys', async () => {
    await s.attempts.donate(form, 'guest');
    await s.attempts.donate({ ...form, amount: 1000 }, 'guest');
    expect(s.createPledge).toHaveBeenCalledTimes(2);
    expect(s.createPledge.mock.calls[0]![1]).not.toBe(s.createPledge.mock.calls[1]![1]);
  });

  it('another person on the same browser never reuses the keys', async () => {
    await s.attempts.donate(form, 'guest');
    await s.attempts.donate(form, 'user-1');
    expect(s.createPledge).toHaveBeenCalledTimes(2);
  });

  it('a finished or stale attempt starts afresh', async () => {
    await s.attempts.donate(form, 'guest');
    s.attempts.finish('c1');
    await s.attempts.donate(form, 'guest');
    s.advance(ATTEMPT_LIFETIME_MS + 1);
    await s.attempts.donate(form, 'guest');
    expect(s.createPledge).toHaveBeenCalledTimes(3);
  });

  it('finds the attempt behind a payment, for the result page', async () => {
    const attempt = await s.attempts.donate(form, 'guest');
    expect(s.attempts.byPayment(attempt.paymentId!, ['other', 'careforall.donation.c1'])?.guestToken).toBe('guest-token');
    expect(s.attempts.byPayment('unknown', ['careforall.donation.c1'])).toBeNull();
  });
});
