import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError, type RequestOptions } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { donations, sessionStorageKeys } from '../../lib/donations';
import { useI18n } from '../../lib/i18n';
import { useLiveTotals } from '../../lib/live';
import { badgeClass } from '../../components/donor/labels';
import type { PaymentView } from '../../components/donor/types';
import { draftKey } from './donateSchema';
import { canTryAgain, isFinal, MAX_POLLS, paymentAccess, pollDelay, RESULT_TEXT, resultStatus, type PaymentAccess, type ResultStatus } from './paymentStatus';
import { isPaymentId, latestAttempt, readRecord, recordOf, resultKey, type ResultRecord } from './resultRecord';
import type { MessageKey } from '../../i18n/messages';
import '../../components/donor/donor.css';

interface Target {
  record: ResultRecord | null;
  access: PaymentAccess;
  /** The route to read: by payment id, or by pledge id when the redirect carried none. */
  path: string | null;
}

/** Works out, once, which payment to follow and how this browser may read it. */
function findTarget(paymentIdParam: string, userId: string | null): Target {
  const storage = window.sessionStorage;
  const paymentId = isPaymentId(paymentIdParam) ? paymentIdParam : '';
  let record: ResultRecord | null = null;
  if (paymentId) {
    record = readRecord(storage.getItem(resultKey(paymentId)));
    if (!record) {
      const attempt = donations.byPayment(paymentId, sessionStorageKeys());
      if (attempt) {
        record = recordOf(attempt);
        storage.setItem(resultKey(paymentId), JSON.stringify(record));
      }
    }
  } else {
    const attempts = sessionStorageKeys()
      .filter((key) => key.startsWith('careforall.donation.'))
      .map((key) => donations.stored(key.slice('careforall.donation.'.length)));
    const attempt = latestAttempt(attempts);
    if (attempt) record = recordOf(attempt);
  }
  const access = paymentAccess(record, userId);
  const path = paymentId
    ? `/api/payments/${paymentId}`
    : record?.paymentId
      ? `/api/payments/${encodeURIComponent(record.paymentId)}`
      : record?.pledgeId
        ? `/api/payments/pledge/${encodeURIComponent(record.pledgeId)}`
        : null;
  return { record, access, path };
}

interface Follow {
  payment: PaymentView | null;
  /** The API says there is no such payment for this browser. */
  notFound: boolean;
  /** The last look failed for a passing reason (network, busy); the next look may work. */
  trouble: boolean;
  /** Stopped looking before the payment was final. */
  gaveUp: boolean;
}

const startFollow: Follow = { payment: null, notFound: false, trouble: false, gaveUp: false };

/** Reads the payment until it is final, backing off between looks and stopping after MAX_POLLS. Read-only. */
function useFollowPayment(target: Target): Follow & { retry: () => void } {
  const [state, setState] = useState<Follow>(startFollow);
  const [round, setRound] = useState(0);

  useEffect(() => {
    const { path, access } = target;
    if (!path || access.kind === 'none') return;
    const options: RequestOptions =
      access.kind === 'guest' ? { anonymous: true, headers: { 'X-Pledge-Token': access.token } } : {};
    let stopped = false;
    let timer: number | undefined;
    let polls = 0;

    const look = async () => {
      polls++;
      try {
        const payment = await api.get<PaymentView>(path, options);
        if (stopped) return;
        setState({ payment, notFound: false, trouble: false, gaveUp: false });
        if (isFinal(resultStatus(payment))) return;
      } catch (error) {
        if (stopped) return;
        if (error instanceof ApiError && [401, 403, 404].includes(error.status)) {
          setState((s) => ({ ...s, notFound: s.payment === null, trouble: s.payment !== null, gaveUp: s.payment !== null }));
          return;
        }
        setState((s) => ({ ...s, trouble: true }));
      }
      if (polls >= MAX_POLLS) {
        setState((s) => ({ ...s, gaveUp: true }));
        return;
      }
      timer = window.setTimeout(() => void look(), pollDelay(polls));
    };

    void look();
    return () => {
      stopped = true;
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [target, round]);

  const retry = () => {
    setState((s) => ({ ...s, gaveUp: false, trouble: false }));
    setRound((n) => n + 1);
  };
  return { ...state, retry };
}

export default function DonationResultPage() {
  const { t, money, dateTime } = useI18n();
  const { user } = useAuth();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [target] = useState(() => findTarget(params.get('paymentId') ?? '', user?.id ?? null));
  const follow = useFollowPayment(target);
  const payment = follow.payment;

  const status: ResultStatus =
    target.access.kind === 'none' || !target.path || follow.notFound ? 'unknown' : payment ? resultStatus(payment) : 'pending';
  const final = isFinal(status);
  const campaignId = payment?.campaignId ?? target.record?.campaignId;

  // The attempt is over: the next donation to this campaign is a new one. What was typed is kept for a new try only.
  useEffect(() => {
    if (!final || !campaignId) return;
    donations.finish(campaignId);
    if (!canTryAgain(status)) window.sessionStorage.removeItem(draftKey(campaignId));
    void queryClient.invalidateQueries({ queryKey: ['donor'] });
  }, [final, status, campaignId, queryClient]);

  const live = useLiveTotals(campaignId, status === 'completed');
  const text = RESULT_TEXT[status];

  return (
    <section className="page narrow donation-result">
      <h1>{t('donor.result.title')}</h1>
      <div
        className={`card result-status ${status}`}
        data-testid="payment-status"
        data-status={status}
        role="status"
        aria-live="polite"
        aria-atomic="true"
      >
        <p className="result-label">
          <span className={badgeClass(status)}>{t(text.label)}</span>
          {status === 'pending' && !follow.gaveUp && <span className="spinner" aria-hidden="true" />}
        </p>
        <h2>{t(text.title)}</h2>
        <p>{follow.gaveUp && status === 'pending' ? t('donor.result.pending.slow') : t(text.next)}</p>
        {follow.trouble && status === 'pending' && !follow.gaveUp && <p className="muted">{t('donor.result.trouble')}</p>}
      </div>

      {status === 'pending' && follow.gaveUp && (
        <button
          type="button"
          className="button secondary"
          onClick={follow.retry}
        >
          {t('donor.result.checkAgain')}
        </button>
      )}

      {payment && (
        <dl className="card facts result-facts">
          <div>
            <dt>{t('donor.result.amount')}</dt>
            <dd>{money(payment.amount, payment.currency)}</dd>
          </div>
          {payment.paymentMethod && (
            <div>
              <dt>{t('donor.result.method')}</dt>
              <dd>{methodLabel(t, payment.paymentMethod)}</dd>
            </div>
          )}
          <div>
            <dt>{t('donor.result.reference')}</dt>
            <dd className="reference">{payment.tranId}</dd>
          </div>
          <div>
            <dt>{t('donor.result.date')}</dt>
            <dd>{dateTime(payment.completedAt ?? payment.updatedAt ?? payment.createdAt)}</dd>
          </div>
        </dl>
      )}

      {status === 'completed' && live.totals && (
        <p className="alert success" aria-live="polite">
          {t('donor.result.campaignTotal', { amount: money(live.totals.raisedAmount, live.totals.currency) })}
        </p>
      )}

      <div className="stack result-actions">
        {canTryAgain(status) && campaignId && (
          <p>
            <Link to={`/campaigns/${campaignId}/donate`} className="button">
              {t('donor.result.tryAgain')}
            </Link>
          </p>
        )}
        {campaignId && (
          <p>
            <Link to={`/campaigns/${campaignId}`}>{t('donor.result.backToCampaign')}</Link>
          </p>
        )}
        {status === 'completed' && user && (
          <p>
            <Link to="/me/donations">{t('donor.result.myDonations')}</Link>
          </p>
        )}
        {status === 'completed' && !user && <p className="muted">{t('donor.result.guestReceipt')}</p>}
        {status === 'unknown' && (
          <>
            <p>
              <Link to={user ? '/me/donations' : '/donations/guest/request'}>
                {user ? t('donor.result.myDonations') : t('donor.request.title')}
              </Link>
            </p>
            <p>
              <Link to="/campaigns">{t('donor.campaign.browseOthers')}</Link>
            </p>
          </>
        )}
      </div>
    </section>
  );
}

function methodLabel(t: (key: MessageKey) => string, method: string): string {
  switch (method.toLowerCase()) {
    case 'bkash':
      return 'bKash';
    case 'nagad':
      return 'Nagad';
    case 'rocket':
      return 'Rocket';
    case 'card':
      return t('donor.method.card');
    case 'other':
      return t('donor.method.other');
    default:
      return method;
  }
}
