import { describe, expect, it } from 'vitest';
import type { DonationAttempt } from '../../lib/donate';
import { isPaymentId, latestAttempt, readRecord, recordOf, resultKey } from './resultRecord';
import { donationClosedReason } from './campaignRules';

function attempt(createdAt: number, pledgeId?: string): DonationAttempt {
  return {
    form: { campaignId: 'c1', amount: 500, currency: 'BDT', isAnonymous: false },
    owner: 'guest',
    pledgeKey: 'k1',
    paymentKey: 'k2',
    pledgeId,
    guestToken: 'g1',
    paymentId: pledgeId ? `pay-${pledgeId}` : undefined,
    createdAt,
  };
}

describe('result record', () => {
  it('is not stored under the donation attempts’ prefix', () => {
    expect(resultKey('p1').startsWith('careforall.donation.')).toBe(false);
  });

  it('keeps what a reload needs to read the payment again', () => {
    const record = recordOf(attempt(1, 'pl1'));
    expect(record).toEqual({ paymentId: 'pay-pl1', pledgeId: 'pl1', campaignId: 'c1', guestToken: 'g1', owner: 'guest' });
    expect(readRecord(JSON.stringify(record))).toEqual(record);
    expect(readRecord('{nope')).toBeNull();
    expect(readRecord(null)).toBeNull();
  });

  it('falls back to the newest attempt that made a pledge', () => {
    expect(latestAttempt([attempt(1, 'old'), null, attempt(3), attempt(2, 'new')])?.pledgeId).toBe('new');
    expect(latestAttempt([attempt(5)])).toBeNull();
  });

  it('accepts only a UUID as payment id', () => {
    expect(isPaymentId('0196f5a2-7c1e-7d3a-9b2f-1a2b3c4d5e6f')).toBe(true);
    expect(isPaymentId('')).toBe(false);
    expect(isPaymentId('../admin')).toBe(false);
  });
});

describe('donationClosedReason', () => {
  const now = Date.parse('2026-05-02T09:00:00Z');
  it('lets an active campaign before its end take donations', () => {
    expect(donationClosedReason({ status: 'active', endDate: '2026-06-01T00:00:00Z' }, now)).toBeNull();
    expect(donationClosedReason({ status: 'active', endDate: null }, now)).toBeNull();
  });

  it('says why any other campaign does not', () => {
    expect(donationClosedReason({ status: 'active', endDate: '2026-05-01T00:00:00Z' }, now)).toBe('donor.closed.ended');
    expect(donationClosedReason({ status: 'completed', endDate: null }, now)).toBe('donor.closed.completed');
    expect(donationClosedReason({ status: 'expired', endDate: null }, now)).toBe('donor.closed.expired');
    expect(donationClosedReason({ status: 'cancelled', endDate: null }, now)).toBe('donor.closed.cancelled');
    expect(donationClosedReason({ status: 'draft', endDate: null }, now)).toBe('donor.closed.draft');
  });
});
