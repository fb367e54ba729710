import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { ErrorState, Loading } from '../../components/States';
import { ConfirmDialog } from './ConfirmDialog';
import { HourlyChart } from './HourlyChart';
import { useAnnouncer } from './hooks';
import { CAMPAIGN_STATUSES, errorText, formatAge, hourlyRows, PAYMENT_STATUSES, humanize } from './helpers';
import { ErrorAlert, PageTitle, StatusMessage } from './ui';
import type { DashboardStats, RebuildResult } from './types';

const REFRESH_MS = 30_000;

export default function DashboardPage() {
  const { money, number, dateTime } = useI18n();
  const queryClient = useQueryClient();
  const [message, announce] = useAnnouncer(60_000);
  const [confirming, setConfirming] = useState(false);

  const stats = useQuery({
    queryKey: ['admin', 'dashboard'],
    queryFn: ({ signal }) => api.get<DashboardStats>('/api/admin/dashboard/stats', { signal }),
    meta: { private: true },
    refetchInterval: REFRESH_MS,
    staleTime: 0,
  });

  const rebuild = useMutation({
    mutationFn: () => api.post<RebuildResult>('/api/admin/read-models/rebuild'),
    onSuccess: (result) => {
      announce(
        `Read models rebuilt: ${number(result.campaigns)} campaigns, ${number(result.pledges)} pledges, ` +
          `${number(result.totalDonations)} donations totalling ${money(result.totalRaised, result.currency)}.`,
      );
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
    onError: (error) => announce(`The rebuild failed: ${errorText(error).message}`),
  });

  const data = stats.data;
  const statistics = data?.statistics;
  const platform = statistics?.data ?? null;
  const currency = platform?.currency ?? 'BDT';
  const payments = data?.payments?.data ?? null;
  const rows = hourlyRows(data);

  return (
    <section className="admin-page a-dashboard">
      <PageTitle>Dashboard</PageTitle>
      <div className="row admin-toolbar">
        <p className="muted">
          Refreshes every 30 seconds.
          {stats.dataUpdatedAt > 0 && <> Last updated {dateTime(new Date(stats.dataUpdatedAt).toISOString())}.</>}
        </p>
        <button type="button" className="button secondary" onClick={() => void stats.refetch()}>
          Refresh now
        </button>
        {stats.isFetching && !stats.isPending && <span className="muted">Refreshing…</span>}
      </div>
      <StatusMessage message={message} />

      {stats.isPending ? (
        <Loading />
      ) : stats.isError && !data ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : data ? (
        <>
          {stats.isError && (
            <div className="alert warning" role="alert">
              Could not refresh: {errorText(stats.error).message} The figures below are from the last successful update.
            </div>
          )}

          <h2>Money raised</h2>
          {!statistics?.available || !platform ? (
            <Unavailable service="The statistics" problem={statistics?.problem} />
          ) : (
            <>
              <div className="a-stat-grid" aria-live="polite">
                <Stat label="Raised in total" value={money(platform.totalRaised, currency)} />
                <Stat label="Raised today" value={money(platform.raisedToday, currency)} note={`${number(platform.donationsToday)} ${platform.donationsToday === 1 ? 'donation' : 'donations'} today (Dhaka time)`} />
                <Stat label="Donations" value={number(platform.totalDonations)} />
                <Stat label="Donors" value={number(platform.totalDonors)} />
              </div>
              <HourlyChart rows={rows} money={(amount) => money(amount, currency)} />
            </>
          )}

          <div className="a-dashboard-columns">
            <section aria-labelledby="campaigns-by-status">
              <h2 id="campaigns-by-status">Campaigns by status</h2>
              {!platform ? (
                <Unavailable service="The statistics" problem={statistics?.problem} />
              ) : (
                <dl className="a-figures">
                  {CAMPAIGN_STATUSES.map((status) => (
                    <div key={status.value}>
                      <dt>{status.label}</dt>
                      <dd>{number(platform.campaignsByStatus[status.value] ?? 0)}</dd>
                    </div>
                  ))}
                </dl>
              )}
              <p>
                <Link to="/admin/approvals">Review campaigns awaiting approval</Link>
              </p>
            </section>

            <section aria-labelledby="payments-heading">
              <h2 id="payments-heading">Payments</h2>
              {!data.payments?.available || !payments ? (
                <Unavailable service="Payments" problem={data.payments?.problem} />
              ) : (
                <>
                  <dl className="a-figures">
                    <div>
                      <dt>Held for review</dt>
                      <dd>{number(payments.held)}</dd>
                    </div>
                    <div>
                      <dt>Failed</dt>
                      <dd>{number(payments.byStatus.failed ?? 0)}</dd>
                    </div>
                    <div>
                      <dt>Refunds processing</dt>
                      <dd>{number(payments.refundsProcessing)}</dd>
                    </div>
                    <div>
                      <dt>Refunds awaiting the bank</dt>
                      <dd>{number(payments.refundsAwaitingAnswer)}</dd>
                    </div>
                  </dl>
                  <p>
                    <Link to="/admin/payments?held=true">Review held payments</Link>
                  </p>
                  <details>
                    <summary>Payments by status</summary>
                    <dl className="a-figures">
                      {PAYMENT_STATUSES.map((status) => (
                        <div key={status}>
                          <dt>{humanize(status)}</dt>
                          <dd>{number(payments.byStatus[status] ?? 0)}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                </>
              )}
            </section>

            <section aria-labelledby="notifications-heading">
              <h2 id="notifications-heading">System notifications</h2>
              {data.systemNotifications.available && data.systemNotifications.unread !== null ? (
                <p className="a-big-figure">
                  {number(data.systemNotifications.unread)} <span className="muted">unread</span>
                </p>
              ) : (
                <Unavailable service="The notification count" />
              )}
              <p>
                <Link to="/admin/notifications?unread=true">Read system notifications</Link>
              </p>
            </section>
          </div>

          <section aria-labelledby="outbox-heading">
            <h2 id="outbox-heading">Outbox backlog</h2>
            <p className="muted">Events each service has written but not yet published.</p>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Service</th>
                    <th scope="col">Waiting</th>
                    <th scope="col">Oldest waiting</th>
                    <th scope="col">Failing</th>
                  </tr>
                </thead>
                <tbody>
                  {data.outbox.map((part) => (
                    <tr key={part.service}>
                      <th scope="row">{humanize(part.service)}</th>
                      {part.available && part.data ? (
                        <>
                          <td>{number(part.data.outboxPending)}</td>
                          <td>{part.data.outboxPending > 0 ? formatAge(part.data.oldestPendingAgeSeconds) : '—'}</td>
                          <td>{number(part.data.failingMessages)}</td>
                        </>
                      ) : (
                        <td colSpan={3}>Unavailable{part.problem ? `: ${part.problem}` : ''}</td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="dead-letters-heading">
            <h2 id="dead-letters-heading">Dead letters</h2>
            <p className="muted">Messages a consumer gave up on, per queue.</p>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Queue</th>
                    <th scope="col">Dead-letter queue</th>
                    <th scope="col">Messages</th>
                  </tr>
                </thead>
                <tbody>
                  {data.deadLetters.map((part) => (
                    <tr key={part.queue}>
                      <th scope="row">{part.queue}</th>
                      <td>{part.deadLetterQueue}</td>
                      <td>{part.available && part.messages !== null ? number(part.messages) : 'Unavailable'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      ) : null}

      <section aria-labelledby="maintenance-heading">
        <h2 id="maintenance-heading">Maintenance</h2>
        <p className="muted">
          Rebuild the query service’s read models (totals, donor walls, statistics) from the campaigns’ and pledges’
          records. It can take a few minutes; running it twice changes nothing.
        </p>
        {rebuild.isPending && (
          <p className="alert info">
            <span className="spinner" aria-hidden="true" />
            Rebuilding the read models… this can take a few minutes.
          </p>
        )}
        {rebuild.isError && <ErrorAlert error={rebuild.error} />}
        <button
          type="button"
          className="button secondary"
          aria-disabled={rebuild.isPending}
          onClick={() => (rebuild.isPending ? announce('A rebuild is already running.') : setConfirming(true))}
        >
          Rebuild read models
        </button>
      </section>

      <ConfirmDialog
        open={confirming}
        title="Rebuild the read models?"
        confirmLabel="Confirm rebuild"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          announce('Rebuilding the read models…');
          rebuild.mutate();
        }}
      >
        <p>
          The query service wipes its totals, donor walls and statistics and rebuilds them from the source records.
          Public totals may be briefly incomplete while it runs.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="card a-stat">
      <p className="a-stat-label">{label}</p>
      <p className="a-stat-value">{value}</p>
      {note && <p className="muted a-stat-note">{note}</p>}
    </div>
  );
}

function Unavailable({ service, problem }: { service: string; problem?: string | null }) {
  return (
    <p className="alert warning">
      {service} did not answer{problem ? ` (${problem})` : ''}. The rest of the dashboard still shows.
    </p>
  );
}
