import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { Empty, QueryStates } from '../../components/States';
import { Pager } from '../../components/Pager';
import { ConfirmDialog } from './ConfirmDialog';
import { Filters, SelectFilter } from './Filters';
import { useAnnouncer, useFocusRescue } from './hooks';
import {
  AttemptKey,
  humanize,
  PAYMENT_ACTION_TEXT,
  PAYMENT_STATUSES,
  paymentActions,
  paymentMethodLabel,
  paymentsQuery,
  paymentStatusLabel,
  withParam,
  type PaymentAction,
} from './helpers';
import { Badge, Id, PageTitle, ReasonField, StatusMessage } from './ui';
import type { Campaign, Payment, Pledge } from './types';

type Pending = { action: PaymentAction; payment: Payment };

const STATUS_OPTIONS = PAYMENT_STATUSES.map((status) => ({ value: status, label: humanize(status) }));
const HELD_OPTIONS = [
  { value: 'true', label: 'Held for review only' },
  { value: 'false', label: 'Not held' },
];

/** How long the payment gateway usually takes to confirm a refund or rejection in the sandbox. */
const SETTLE_MS = 5_000;

export default function PaymentsPage() {
  const { money, number, dateTime } = useI18n();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [params, setParams] = useSearchParams();
  const query = paymentsQuery(params);
  const [message, announce] = useAnnouncer(30_000);
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState('');
  const attempt = useRef<AttemptKey>(new AttemptKey());
  const settleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => {
    if (settleTimer.current) clearTimeout(settleTimer.current);
  }, []);

  // The payments budget counts GETs too (50 per 15 minutes): no polling here, one refresh after an action.
  const payments = useQuery({
    queryKey: ['admin', 'payments', query],
    queryFn: ({ signal }) => api.page<Payment>('/api/admin/payments', { query, signal }),
    meta: { private: true },
  });
  const keepFocus = useFocusRescue(heading, payments.data);

  const act = useMutation({
    mutationFn: ({ action, payment, reason }: Pending & { reason: string }) => {
      const body = action === 'release' ? (reason ? { reason } : {}) : { reason };
      // The same dialog's retry of the same request reuses its key; another reason is another attempt.
      const key = attempt.current.for({ action, payment: payment.id, body });
      return api.post<unknown>(`/api/admin/payments/${payment.id}/${action}`, body, { headers: { 'Idempotency-Key': key } });
    },
  });

  function open(action: PaymentAction, payment: Payment) {
    act.reset();
    setReason('');
    attempt.current = new AttemptKey();
    setPending({ action, payment });
  }

  async function confirm() {
    if (!pending) return;
    const { action, payment } = pending;
    await act.mutateAsync({ action, payment, reason: reason.trim() });
    setPending(null);
    keepFocus();
    const amount = money(payment.amount, payment.currency);
    if (action === 'release') {
      announce(`Released ${amount} (${payment.tranId}). It now counts toward the campaign.`);
    } else {
      announce(
        `${action === 'refund' ? 'Refund' : 'Rejection'} of ${amount} (${payment.tranId}) sent to the payment gateway. ` +
          'The payment shows as refunded once the gateway confirms, usually within a few seconds.',
      );
      if (settleTimer.current) clearTimeout(settleTimer.current);
      settleTimer.current = setTimeout(() => void queryClient.invalidateQueries({ queryKey: ['admin', 'payments'] }), SETTLE_MS);
    }
    await queryClient.invalidateQueries({ queryKey: ['admin', 'payments'] });
    void queryClient.invalidateQueries({ queryKey: ['admin', 'dashboard'] });
  }

  const items = payments.data?.items ?? [];
  const pagination = payments.data?.pagination;
  const fieldErrors = act.error instanceof ApiError ? act.error.fieldErrors : {};
  const text = pending ? PAYMENT_ACTION_TEXT[pending.action] : null;

  return (
    <section className="admin-page">
      <PageTitle ref={heading}>Payments</PageTitle>
      <Filters label="Filter payments" keys={['status', 'held']}>
        <SelectFilter name="status" label="Status" options={STATUS_OPTIONS} />
        <SelectFilter name="held" label="Held for review" options={HELD_OPTIONS} />
      </Filters>
      <StatusMessage message={message} />

      <QueryStates
        query={payments}
        isEmpty={() => items.length === 0}
        empty={
          <Empty>
            <p>No payments match these filters.</p>
          </Empty>
        }
      >
        {() => (
          <>
            <div className="row">
              <p className="muted">{pagination && `${number(pagination.total)} payments, newest first.`}</p>
              <button type="button" className="button secondary a-small" onClick={() => void payments.refetch()}>
                Refresh list
              </button>
            </div>
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">Payments, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Created</th>
                    <th scope="col">Amount</th>
                    <th scope="col">Status</th>
                    <th scope="col">Transaction</th>
                    <th scope="col">Campaign</th>
                    <th scope="col">Method</th>
                    <th scope="col">Risk</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((payment) => {
                    const actions = paymentActions(payment);
                    const amount = money(payment.amount, payment.currency);
                    return (
                      <tr key={payment.id} data-testid="payment-row">
                        <td className="a-when">{dateTime(payment.createdAt)}</td>
                        <th scope="row">{amount}</th>
                        <td>
                          <Badge tone={payment.held ? 'held' : payment.status}>{paymentStatusLabel(payment)}</Badge>
                          {payment.refundedAt && <p className="muted a-small">refunded {dateTime(payment.refundedAt)}</p>}
                          {!payment.refundedAt && payment.completedAt && <p className="muted a-small">completed {dateTime(payment.completedAt)}</p>}
                        </td>
                        <td>
                          <code className="a-break">{payment.tranId}</code>
                        </td>
                        <td>
                          <Link to={`/campaigns/${payment.campaignId}`}>
                            <Id value={payment.campaignId} />
                          </Link>
                        </td>
                        <td>{paymentMethodLabel(payment.paymentMethod)}</td>
                        <td>{payment.riskLevel === null ? '—' : payment.riskLevel === 1 ? 'High (1)' : `Normal (${payment.riskLevel})`}</td>
                        <td>
                          {actions.length === 0 ? (
                            <span className="muted">—</span>
                          ) : (
                            <div className="row a-nowrap">
                              {actions.map((action) => (
                                <button
                                  key={action}
                                  type="button"
                                  className={action === 'release' ? 'button a-small' : 'button danger a-small'}
                                  aria-label={`${PAYMENT_ACTION_TEXT[action].button} ${amount} payment ${payment.tranId}`}
                                  onClick={() => open(action, payment)}
                                >
                                  {PAYMENT_ACTION_TEXT[action].button}
                                </button>
                              ))}
                            </div>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {pagination && <Pager pagination={pagination} onPage={(p) => setParams(withParam(params, 'page', p))} />}
          </>
        )}
      </QueryStates>

      <ConfirmDialog
        open={pending !== null}
        title={text?.title ?? ''}
        confirmLabel={text?.confirm ?? ''}
        danger={pending?.action !== 'release'}
        error={act.error}
        inlineFields={['reason']}
        onCancel={() => setPending(null)}
        onConfirm={confirm}
      >
        {pending && text && (
          <>
            <PaymentSummary payment={pending.payment} />
            <p>
              {pending.action === 'refund' && 'The whole amount goes back to the donor (partial refunds are not supported) and the campaign’s total drops.'}
              {pending.action === 'reject' && 'The held payment never counts toward the campaign; the money goes back to the donor.'}
              {pending.action === 'release' && 'The held payment counts toward the campaign from now on.'}
            </p>
            <ReasonField
              label={`Reason for the ${pending.action === 'refund' ? 'refund' : pending.action === 'reject' ? 'rejection' : 'release'}`}
              value={reason}
              onChange={setReason}
              required={text.reasonRequired}
              maxLength={255}
              error={fieldErrors.reason}
            />
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}

/** Names the payment in the dialog: amount, donor and campaign (looked up from the pledge and the campaign). */
function PaymentSummary({ payment }: { payment: Payment }) {
  const { money, dateTime } = useI18n();
  const pledge = useQuery({
    queryKey: ['admin', 'pledge', payment.pledgeId],
    queryFn: ({ signal }) => api.get<Pledge>(`/api/pledges/${payment.pledgeId}`, { signal }),
    meta: { private: true },
    retry: false,
    staleTime: 5 * 60_000,
  });
  const campaign = useQuery({
    queryKey: ['admin', 'campaign', payment.campaignId],
    queryFn: ({ signal }) => api.get<Campaign>(`/api/campaigns/${payment.campaignId}`, { signal }),
    meta: { private: true },
    retry: false,
    staleTime: 5 * 60_000,
  });
  const donor = pledge.data
    ? [pledge.data.donorName, pledge.data.donorEmail ? `(${pledge.data.donorEmail})` : null].filter(Boolean).join(' ') || 'Unnamed donor'
    : pledge.isPending
      ? 'Looking up the donor…'
      : 'Donor unknown';
  const title = campaign.data ? `“${campaign.data.title}”` : campaign.isPending ? 'Looking up the campaign…' : `campaign ${payment.campaignId}`;
  return (
    <dl className="a-facts a-payment-summary" data-testid="payment-summary">
      <div>
        <dt>Amount</dt>
        <dd>
          <strong>{money(payment.amount, payment.currency)}</strong>
        </dd>
      </div>
      <div>
        <dt>Donor</dt>
        <dd>{donor}</dd>
      </div>
      <div>
        <dt>Campaign</dt>
        <dd>{title}</dd>
      </div>
      <div>
        <dt>Transaction</dt>
        <dd>
          <code className="a-break">{payment.tranId}</code>
        </dd>
      </div>
      <div>
        <dt>Created</dt>
        <dd>{dateTime(payment.createdAt)}</dd>
      </div>
    </dl>
  );
}
