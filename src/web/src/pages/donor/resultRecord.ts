// What the result page needs to read a payment after the browser comes back from the checkout page: the guest's
// pledge token (from the donation attempt kept in sessionStorage) or the signed-in donor's own token. The attempt
// is cleared once the payment is final, so the page keeps its own small record per payment: a reload still works.

import type { DonationAttempt } from '../../lib/donate';

export interface ResultRecord {
  paymentId?: string;
  pledgeId?: string;
  campaignId?: string;
  guestToken?: string | null;
  owner?: string;
}

/** Not under "careforall.donation." on purpose: those keys are donation attempts. */
export function resultKey(paymentId: string): string {
  return `careforall.donationResult.${paymentId}`;
}

export function readRecord(raw: string | null): ResultRecord | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as ResultRecord | null;
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

export function recordOf(attempt: DonationAttempt): ResultRecord {
  return {
    paymentId: attempt.paymentId,
    pledgeId: attempt.pledgeId,
    campaignId: attempt.form.campaignId,
    guestToken: attempt.guestToken ?? null,
    owner: attempt.owner,
  };
}

/** The most recent attempt that made a pledge: the fallback when the redirect carried no payment id. */
export function latestAttempt(attempts: readonly (DonationAttempt | null)[]): DonationAttempt | null {
  let latest: DonationAttempt | null = null;
  for (const attempt of attempts) {
    if (!attempt?.pledgeId) continue;
    if (!latest || attempt.createdAt > latest.createdAt) latest = attempt;
  }
  return latest;
}

/** The UUID shape of a payment id; anything else in the address is ignored. */
export function isPaymentId(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
