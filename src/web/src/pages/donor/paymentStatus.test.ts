import { describe, expect, it } from 'vitest';
import { canTryAgain, FINAL_STATUSES, isFinal, MAX_DELAY_MS, MAX_POLLS, paymentAccess, pollDelay, RESULT_TEXT, resultStatus } from './paymentStatus';
import { en } from '../../i18n/messages';

describe('resultStatus', () => {
  it('maps the final API statuses', () => {
    expect(resultStatus({ status: 'completed' })).toBe('completed');
    expect(resultStatus({ status: 'refunded' })).toBe('refunded');
    expect(resultStatus({ status: 'failed', errorMessage: 'FAILED: card declined' })).toBe('failed');
    expect(resultStatus({ status: 'failed', errorMessage: 'UNATTEMPTED' })).toBe('failed');
    expect(resultStatus({ status: 'failed', errorMessage: 'EXPIRED' })).toBe('failed');
    expect(resultStatus({ status: 'failed', errorMessage: null })).toBe('failed');
  });

  it('tells a cancelled checkout from a failed one', () => {
    expect(resultStatus({ status: 'failed', errorMessage: 'CANCELLED' })).toBe('cancelled');
    expect(resultStatus({ status: 'failed', errorMessage: 'CANCELLED: customer cancelled' })).toBe('cancelled');
  });

  it('treats captured at risk level 1 as held for review', () => {
    expect(resultStatus({ status: 'captured', riskLevel: 1 })).toBe('held');
    expect(resultStatus({ status: 'captured', riskLevel: 0 })).toBe('pending');
    expect(resultStatus({ status: 'captured', riskLevel: null })).toBe('pending');
  });

  it('keeps following open payments', () => {
    expect(resultStatus({ status: 'pending' })).toBe('pending');
    expect(resultStatus({ status: 'authorized' })).toBe('pending');
    expect(resultStatus({ status: 'something-new' })).toBe('pending');
  });

  it('reads any case', () => {
    expect(resultStatus({ status: 'COMPLETED' })).toBe('completed');
  });
});

describe('final statuses', () => {
  it('are completed, failed, cancelled, held and refunded', () => {
    expect([...FINAL_STATUSES].sort()).toEqual(['cancelled', 'completed', 'failed', 'held', 'refunded']);
    expect(isFinal('pending')).toBe(false);
    expect(isFinal('unknown')).toBe(false);
    for (const status of FINAL_STATUSES) expect(isFinal(status)).toBe(true);
  });

  it('offer a new try only when nothing was taken', () => {
    expect(canTryAgain('failed')).toBe(true);
    expect(canTryAgain('cancelled')).toBe(true);
    expect(canTryAgain('completed')).toBe(false);
    expect(canTryAgain('held')).toBe(false);
    expect(canTryAgain('refunded')).toBe(false);
  });

  it('each say what happened and what happens next', () => {
    expect(en[RESULT_TEXT.completed.next]).toMatch(/receipt/i);
    expect(en[RESULT_TEXT.failed.next]).toMatch(/nothing was charged/i);
    expect(en[RESULT_TEXT.cancelled.next]).toMatch(/nothing was charged/i);
    expect(en[RESULT_TEXT.held.next]).toMatch(/email/i);
    expect(en[RESULT_TEXT.held.title]).toMatch(/review/i);
    const titles = Object.values(RESULT_TEXT).map((text) => en[text.title]);
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe('pollDelay', () => {
  it('backs off and is capped, and the number of looks is bounded', () => {
    expect(pollDelay(1)).toBeGreaterThanOrEqual(1000);
    let total = 0;
    for (let n = 1; n < MAX_POLLS; n++) {
      expect(pollDelay(n + 1)).toBeGreaterThanOrEqual(pollDelay(n));
      expect(pollDelay(n)).toBeLessThanOrEqual(MAX_DELAY_MS);
      total += pollDelay(n);
    }
    // Every /api/payments call shares 50 per 15 minutes; the follower stays well inside it.
    expect(MAX_POLLS).toBeLessThanOrEqual(25);
    expect(total).toBeGreaterThan(60_000);
  });
});

describe('paymentAccess', () => {
  it('uses the guest token when the attempt has one', () => {
    expect(paymentAccess({ guestToken: 'g1', owner: 'guest' }, null)).toEqual({ kind: 'guest', token: 'g1' });
    expect(paymentAccess({ guestToken: 'g1', owner: 'guest' }, 'u1')).toEqual({ kind: 'guest', token: 'g1' });
  });

  it('uses the donor token for the donor’s own attempt or when nothing is stored', () => {
    expect(paymentAccess({ owner: 'u1' }, 'u1')).toEqual({ kind: 'donor' });
    expect(paymentAccess(null, 'u1')).toEqual({ kind: 'donor' });
  });

  it('has no way in for a stranger', () => {
    expect(paymentAccess(null, null)).toEqual({ kind: 'none' });
    expect(paymentAccess({ owner: 'u1' }, 'u2')).toEqual({ kind: 'none' });
  });
});
