import { describe, expect, it } from 'vitest';
import { newerTotals, parseTotalsEvent, reopenDelay, REOPEN_MAX_MS, type CampaignTotals } from './live';

function totals(version: number, raisedAmount: number, campaignId = 'c1'): CampaignTotals {
  return {
    campaignId,
    title: 'Flood relief',
    campaignType: 'emergency',
    status: 'active',
    goalAmount: 50000,
    raisedAmount,
    currency: 'BDT',
    donorCount: version,
    donationCount: version,
    progressPercentage: (raisedAmount / 50000) * 100,
    lastDonationAt: null,
    organizerId: null,
    startDate: null,
    endDate: null,
    goalReachedAt: null,
    version,
    updatedAt: '2026-05-02T09:15:00+00:00',
  };
}

describe('newerTotals', () => {
  it('takes the first totals it gets', () => {
    const first = totals(3, 100);
    expect(newerTotals(null, first)).toBe(first);
  });

  it('takes a higher version', () => {
    const shown = totals(3, 100);
    const next = totals(4, 600);
    expect(newerTotals(shown, next)).toBe(next);
  });

  it('never lets an older version overwrite a newer one', () => {
    const shown = totals(7, 2000);
    expect(newerTotals(shown, totals(6, 1500))).toBe(shown);
    expect(newerTotals(shown, totals(1, 0))).toBe(shown);
  });

  it('keeps the shown object for the same version (a reconnected stream starts with the same snapshot)', () => {
    const shown = totals(5, 900);
    expect(newerTotals(shown, totals(5, 900))).toBe(shown);
  });

  it('ends on the newest whatever the order of arrival (stream and fallback racing)', () => {
    const arrivals = [totals(2, 200), totals(5, 500), totals(3, 300), totals(4, 400), totals(5, 500), totals(1, 100)];
    const final = arrivals.reduce<CampaignTotals | null>((shown, next) => newerTotals(shown, next), null);
    expect(final?.version).toBe(5);
    expect(final?.raisedAmount).toBe(500);
  });

  it('ignores nothing, broken totals and another campaign', () => {
    const shown = totals(5, 900);
    expect(newerTotals(shown, null)).toBe(shown);
    expect(newerTotals(shown, undefined)).toBe(shown);
    expect(newerTotals(shown, { ...totals(9, 1), version: Number.NaN })).toBe(shown);
    expect(newerTotals(shown, totals(9, 1, 'c2'))).toBe(shown);
  });
});

describe('parseTotalsEvent', () => {
  it('reads the bare totals object of an SSE event', () => {
    const parsed = parseTotalsEvent(JSON.stringify(totals(17, 1250)));
    expect(parsed?.version).toBe(17);
    expect(parsed?.raisedAmount).toBe(1250);
  });

  it('refuses what is not totals', () => {
    expect(parseTotalsEvent('not json')).toBeNull();
    expect(parseTotalsEvent('null')).toBeNull();
    expect(parseTotalsEvent(JSON.stringify({ success: true, data: totals(1, 1) }))).toBeNull();
    expect(parseTotalsEvent(undefined)).toBeNull();
  });
});

describe('reopenDelay', () => {
  it('backs off and stops growing', () => {
    expect(reopenDelay(0)).toBeLessThan(reopenDelay(1));
    expect(reopenDelay(1)).toBeLessThan(reopenDelay(2));
    expect(reopenDelay(50)).toBe(REOPEN_MAX_MS);
  });
});
