// What the result page makes of a payment's status (GET /api/payments/{id}). The redirect's ?status= is only a
// hint anyone can type: these functions read the API's answer.
//
// API payment statuses: pending, authorized, captured, completed, failed, refunded. "Held for review" is captured
// with riskLevel 1. A cancelled checkout is failed with an errorMessage starting "CANCELLED".

import type { MessageKey } from '../../i18n/messages';

/** The status the page shows; also the data-status attribute of data-testid="payment-status". */
export type ResultStatus = 'pending' | 'completed' | 'failed' | 'cancelled' | 'held' | 'refunded' | 'unknown';

export const FINAL_STATUSES: readonly ResultStatus[] = ['completed', 'failed', 'cancelled', 'held', 'refunded'];

export interface PaymentLike {
  status: string;
  riskLevel?: number | null;
  errorMessage?: string | null;
}

export function resultStatus(payment: PaymentLike): ResultStatus {
  const status = payment.status.toLowerCase();
  switch (status) {
    case 'completed':
      return 'completed';
    case 'refunded':
      return 'refunded';
    case 'failed':
      return /^\s*CANCELL?ED\b/i.test(payment.errorMessage ?? '') ? 'cancelled' : 'failed';
    case 'captured':
      // Captured at risk level 0 becomes completed in the same step; only a held payment stays captured.
      return payment.riskLevel === 1 ? 'held' : 'pending';
    default:
      return 'pending';
  }
}

export function isFinal(status: ResultStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** Whether the donor may try again on a new attempt (nothing was taken). */
export function canTryAgain(status: ResultStatus): boolean {
  return status === 'failed' || status === 'cancelled';
}

export interface ResultText {
  /** What happened, as a heading. */
  title: MessageKey;
  /** What happens next. */
  next: MessageKey;
  /** The short status label. */
  label: MessageKey;
}

export const RESULT_TEXT: Record<ResultStatus, ResultText> = {
  pending: { title: 'donor.result.pending.title', next: 'donor.result.pending.next', label: 'donor.result.pending.label' },
  completed: { title: 'donor.result.completed.title', next: 'donor.result.completed.next', label: 'donor.result.completed.label' },
  failed: { title: 'donor.result.failed.title', next: 'donor.result.failed.next', label: 'donor.result.failed.label' },
  cancelled: { title: 'donor.result.cancelled.title', next: 'donor.result.cancelled.next', label: 'donor.result.cancelled.label' },
  held: { title: 'donor.result.held.title', next: 'donor.result.held.next', label: 'donor.result.held.label' },
  refunded: { title: 'donor.result.refunded.title', next: 'donor.result.refunded.next', label: 'donor.result.refunded.label' },
  unknown: { title: 'donor.result.unknown.title', next: 'donor.result.unknown.next', label: 'donor.result.unknown.label' },
};

/** All /api/payments/** calls share 50 requests per 15 minutes: ask gently and not for ever. */
export const MAX_POLLS = 20;
const DELAYS_MS = [1500, 2000, 2000, 3000, 3000, 4000, 5000, 6000, 8000];
export const MAX_DELAY_MS = 10_000;

/** Wait before the next look, after `polls` looks so far (backing off, capped). */
export function pollDelay(polls: number): number {
  return DELAYS_MS[Math.max(0, polls - 1)] ?? MAX_DELAY_MS;
}

/** How the result page may read the payment: as the guest holding the pledge token, or as the signed-in donor. */
export type PaymentAccess = { kind: 'guest'; token: string } | { kind: 'donor' } | { kind: 'none' };

export function paymentAccess(record: { guestToken?: string | null; owner?: string } | null, userId: string | null): PaymentAccess {
  if (record?.guestToken) return { kind: 'guest', token: record.guestToken };
  if (userId && (!record?.owner || record.owner === userId || record.owner === 'guest')) return { kind: 'donor' };
  return { kind: 'none' };
}
