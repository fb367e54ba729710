// One donation attempt = one pledge and one payment, whatever happens in the browser: a double tap shares the
// request already in flight, a retry after a dropped connection and a reload of the page reuse the attempt's
// Idempotency-Keys (kept in sessionStorage), so the platform answers with the pledge and payment it already made.

export interface DonationForm {
  campaignId: string;
  amount: number;
  currency: string;
  isAnonymous: boolean;
  message?: string;
  /** Guests only; a signed-in donor's address comes from their token. */
  donorEmail?: string;
  donorName?: string;
}

export interface PledgeCreated {
  id: string;
  status: string;
  guestToken?: string | null;
}

export interface PaymentInitiated {
  paymentId: string;
  pledgeId: string;
  status: string;
  gatewayUrl: string;
}

export interface DonationAttempt {
  form: DonationForm;
  /** Whose attempt this is: a user id, or "guest". A key made by one person is never reused by another. */
  owner: string;
  pledgeKey: string;
  paymentKey: string;
  pledgeId?: string;
  guestToken?: string | null;
  paymentId?: string;
  gatewayUrl?: string;
  createdAt: number;
}

export interface DonateDependencies {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  newKey: () => string;
  now: () => number;
  createPledge: (form: DonationForm, idempotencyKey: string) => Promise<PledgeCreated>;
  initiatePayment: (pledgeId: string, idempotencyKey: string, guestToken: string | null | undefined) => Promise<PaymentInitiated>;
  /** Whether an error may be retried with the same keys (no answer, or the platform busy). */
  isTransient: (error: unknown) => boolean;
  sleep: (ms: number) => Promise<void>;
}

/** How long an unfinished attempt is offered again; a later visit starts a fresh donation. */
export const ATTEMPT_LIFETIME_MS = 60 * 60 * 1000;
const RETRY_DELAYS_MS = [400, 1200, 3000];

export function attemptStorageKey(campaignId: string): string {
  return `careforall.donation.${campaignId}`;
}

export function sameForm(a: DonationForm, b: DonationForm): boolean {
  return (
    a.campaignId === b.campaignId &&
    a.amount === b.amount &&
    a.currency === b.currency &&
    a.isAnonymous === b.isAnonymous &&
    (a.message ?? '') === (b.message ?? '') &&
    (a.donorEmail ?? '').trim().toLowerCase() === (b.donorEmail ?? '').trim().toLowerCase() &&
    (a.donorName ?? '') === (b.donorName ?? '')
  );
}

export class DonationAttempts {
  private readonly deps: DonateDependencies;
  private readonly inFlight = new Map<string, Promise<DonationAttempt>>();

  constructor(deps: DonateDependencies) {
    this.deps = deps;
  }

  /** The stored attempt for a campaign, if it is recent enough to carry on. */
  stored(campaignId: string): DonationAttempt | null {
    const raw = this.deps.storage.getItem(attemptStorageKey(campaignId));
    if (!raw) return null;
    try {
      const attempt = JSON.parse(raw) as DonationAttempt;
      if (this.deps.now() - attempt.createdAt > ATTEMPT_LIFETIME_MS) {
        this.deps.storage.removeItem(attemptStorageKey(campaignId));
        return null;
      }
      return attempt;
    } catch {
      return null;
    }
  }

  /** The attempt that made this payment (the result page needs a guest's pledge token from it). */
  byPayment(paymentId: string, keys: string[]): DonationAttempt | null {
    for (const key of keys) {
      if (!key.startsWith('careforall.donation.')) continue;
      const attempt = this.stored(key.slice('careforall.donation.'.length));
      if (attempt?.paymentId === paymentId) return attempt;
    }
    return null;
  }

  /** The payment is final (or abandoned on purpose): the next donation to this campaign is a new one. */
  finish(campaignId: string): void {
    this.deps.storage.removeItem(attemptStorageKey(campaignId));
  }

  /**
   * Makes (or finds) the pledge and its payment, and answers with the checkout URL. Same form, same owner: same
   * keys, so the platform never makes a second pledge for it. A changed form is a new attempt with new keys.
   */
  donate(form: DonationForm, owner: string): Promise<DonationAttempt> {
    const flightKey = `${form.campaignId}:${owner}`;
    const running = this.inFlight.get(flightKey);
    if (running) return running;
    const run = this.run(form, owner).finally(() => this.inFlight.delete(flightKey));
    this.inFlight.set(flightKey, run);
    return run;
  }

  private async run(form: DonationForm, owner: string): Promise<DonationAttempt> {
    const existing = this.stored(form.campaignId);
    let attempt: DonationAttempt =
      existing && existing.owner === owner && sameForm(existing.form, form)
        ? existing
        : { form, owner, pledgeKey: this.deps.newKey(), paymentKey: this.deps.newKey(), createdAt: this.deps.now() };
    this.save(attempt);

    if (!attempt.pledgeId) {
      const pledge = await this.withRetries(() => this.deps.createPledge(form, attempt.pledgeKey));
      attempt = { ...attempt, pledgeId: pledge.id, guestToken: pledge.guestToken ?? null };
      this.save(attempt);
    }
    if (!attempt.paymentId || !attempt.gatewayUrl) {
      const pledgeId = attempt.pledgeId!;
      const payment = await this.withRetries(() => this.deps.initiatePayment(pledgeId, attempt.paymentKey, attempt.guestToken));
      attempt = { ...attempt, paymentId: payment.paymentId, gatewayUrl: payment.gatewayUrl };
      this.save(attempt);
    }
    return attempt;
  }

  private async withRetries<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined || !this.deps.isTransient(error)) throw error;
        await this.deps.sleep(delay);
      }
    }
  }

  private save(attempt: DonationAttempt): void {
    this.deps.storage.setItem(attemptStorageKey(attempt.form.campaignId), JSON.stringify(attempt));
  }
}
