import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { Empty, ErrorState, Loading } from '../../components/States';
import { Pager } from '../../components/Pager';
import { ProgressBar } from '../../components/ProgressBar';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent } from '../../lib/format';
import { CampaignFacts } from '../../components/organiser/CampaignFacts';
import { editableFields, isPublic, organiserApi, statusText, type Campaign, type CampaignStatus } from '../../components/organiser/campaigns';
import { organiserKeys } from '../../components/organiser/queries';
import { StatusBadge } from '../../components/organiser/StatusBadge';
import { OwnCampaign } from '../../components/organiser/OwnCampaign';
import '../../components/organiser/organiser.css';

const DONATIONS_PER_PAGE = 20;
const TOTALS_REFRESH_MS = 30_000;

export default function OrganiserCampaignPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  return <OwnCampaign id={id} heading="Your campaign">{(data) => <CampaignOverview data={data} notice={notice} />}</OwnCampaign>;
}

function StatusPanel({ campaign }: { campaign: Campaign }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<CampaignStatus | null>(null);
  const move = useMutation({
    mutationFn: (to: CampaignStatus) => organiserApi.changeStatus(campaign.id, to),
    onSuccess: (saved) => {
      setConfirming(null);
      queryClient.setQueryData(organiserKeys.campaign(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: organiserKeys.mine() });
    },
  });
  const editable = editableFields(campaign.status).length > 0;
  const text = statusText(campaign.status);

  return (
    <section className="card org-card" aria-labelledby="status-heading">
      <h2 id="status-heading">Status</h2>
      <p className="row">
        <StatusBadge status={campaign.status} testId="campaign-status" />
      </p>
      <p>{text.help}</p>
      {campaign.status === 'cancelled' && campaign.cancelReason && <p>Reason: {campaign.cancelReason}</p>}
      <dl className="org-facts">
        <dt>Created</dt>
        <dd>{formatDateTime(campaign.createdAt)}</dd>
        <dt>Runs</dt>
        <dd>
          {formatDate(campaign.startDate)} – {campaign.endDate ? formatDate(campaign.endDate) : 'no end date'}
        </dd>
        {campaign.closedAt && (
          <>
            <dt>Closed</dt>
            <dd>{formatDateTime(campaign.closedAt)}</dd>
          </>
        )}
      </dl>
      <div className="organiser-actions">
        {editable && (
          <Link className="button secondary" to={`/me/campaigns/${campaign.id}/edit`}>
            {campaign.status === 'draft' ? 'Edit draft' : 'Edit details'}
          </Link>
        )}
        {isPublic(campaign.status) && (
          <Link className="button secondary" to={`/campaigns/${campaign.id}`}>
            View public page
          </Link>
        )}
        {campaign.status === 'draft' && !confirming && (
          <button type="button" className="button secondary" onClick={() => setConfirming('cancelled')}>
            Withdraw draft
          </button>
        )}
        {campaign.status === 'active' && !confirming && (
          <button type="button" className="button secondary" onClick={() => setConfirming('completed')}>
            Close campaign early
          </button>
        )}
      </div>
      {confirming && (
        <div className="alert warning org-confirm" role="group" aria-labelledby="confirm-move">
          <p id="confirm-move">
            {confirming === 'cancelled'
              ? 'Withdraw this draft? It leaves the approval queue and cannot be reopened.'
              : 'Close this campaign now? It stops taking donations and cannot be reopened.'}
          </p>
          <div className="row">
            <button type="button" className="button danger" disabled={move.isPending} onClick={() => move.mutate(confirming)}>
              {confirming === 'cancelled' ? 'Yes, withdraw it' : 'Yes, close it'}
            </button>
            <button type="button" className="button secondary" disabled={move.isPending} onClick={() => setConfirming(null)}>
              Keep it
            </button>
          </div>
        </div>
      )}
      {move.isError && (
        <p className="alert error" role="alert">
          {move.error instanceof ApiError ? move.error.message : 'Something went wrong. Try again.'}
        </p>
      )}
    </section>
  );
}

function Totals({ campaign }: { campaign: Campaign }) {
  const totals = useQuery({
    queryKey: organiserKeys.totals(campaign.id),
    queryFn: () => organiserApi.totals(campaign.id),
    refetchInterval: campaign.status === 'active' ? TOTALS_REFRESH_MS : false,
    // Just approved: the read side may not know the campaign for a second.
    retry: (count, error) => campaign.status === 'active' && count < 3 && isNotFound(error),
    retryDelay: 1500,
  });

  let body: React.ReactNode;
  if (totals.isPending) body = <Loading />;
  else if (totals.isError && isNotFound(totals.error) && campaign.status !== 'active') body = <p>No donations were recorded for this campaign.</p>;
  else if (totals.isError) body = <ErrorState error={totals.error} onRetry={() => void totals.refetch()} />;
  else {
    const t = totals.data;
    const goal = t.goalAmount ?? campaign.goalAmount;
    body = (
      <>
        <div aria-live="polite">
          <p className="organiser-money" data-testid="campaign-raised">
            {formatMoney(t.raisedAmount, t.currency)} raised of {formatMoney(goal, t.currency)} ({formatPercent(t.progressPercentage)})
          </p>
        </div>
        <ProgressBar percent={t.progressPercentage} label={`${formatPercent(t.progressPercentage)} of the goal raised`} />
        <dl className="org-figures">
          <div>
            <dt>Raised</dt>
            <dd>{formatMoney(t.raisedAmount, t.currency)}</dd>
          </div>
          <div>
            <dt>Goal</dt>
            <dd>{formatMoney(goal, t.currency)}</dd>
          </div>
          <div>
            <dt>Donors</dt>
            <dd>{formatNumber(t.donorCount)}</dd>
          </div>
          <div>
            <dt>Donations</dt>
            <dd>{formatNumber(t.donationCount)}</dd>
          </div>
        </dl>
        <p className="muted">
          {t.lastDonationAt ? `Last donation ${formatDateTime(t.lastDonationAt)}. ` : 'No donations yet. '}
          {campaign.status === 'active' ? 'Updates every 30 seconds.' : ''}
        </p>
      </>
    );
  }

  return (
    <section className="card org-card" aria-labelledby="totals-heading">
      <h2 id="totals-heading">Money raised</h2>
      {body}
    </section>
  );
}

function Donations({ campaignId, status }: { campaignId: string; status: string }) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const donations = useQuery({
    queryKey: organiserKeys.donations(campaignId, page),
    queryFn: () => organiserApi.donations(campaignId, page, DONATIONS_PER_PAGE),
    placeholderData: (previous) => previous,
  });

  let body: React.ReactNode;
  if (donations.isPending) body = <Loading />;
  else if (donations.isError && isNotFound(donations.error) && status !== 'active') body = <p>No donations were recorded for this campaign.</p>;
  else if (donations.isError) body = <ErrorState error={donations.error} onRetry={() => void donations.refetch()} />;
  else if (donations.data.items.length === 0)
    body = (
      <Empty>
        <p>{status === 'active' ? 'No donations yet. Share the campaign’s public page to reach donors.' : 'No donations were made to this campaign.'}</p>
      </Empty>
    );
  else
    body = (
      <>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Donations to this campaign, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Donor</th>
                <th scope="col">Amount</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {donations.data.items.map((donation, index) => (
                <tr key={`${donation.donatedAt}-${index}`}>
                  <td>{formatDateTime(donation.donatedAt)}</td>
                  <td>{donation.isAnonymous || !donation.donorName ? 'Anonymous' : donation.donorName}</td>
                  <td>{formatMoney(donation.amount, donation.currency)}</td>
                  <td>{donation.message ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager
          pagination={donations.data.pagination}
          onPage={(next) => {
            const search = new URLSearchParams(params);
            if (next > 1) search.set('page', String(next));
            else search.delete('page');
            setParams(search);
          }}
        />
      </>
    );

  return (
    <section className="card org-card" aria-labelledby="donations-heading">
      <h2 id="donations-heading">Donations</h2>
      <p className="muted">Completed donations, newest first. Donors who chose to give anonymously show as “Anonymous”.</p>
      {body}
    </section>
  );
}

function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

function CampaignOverview({ data, notice }: { data: Campaign; notice: string | undefined }) {
  return (
    <section className="page">
      <p>
        <Link to="/me/campaigns">← My campaigns</Link>
      </p>
      <h1>{data.title}</h1>
      {notice === 'submitted' && data.status === 'draft' && (
        <p className="alert success" role="status">
          Submitted for approval. An admin reviews your campaign; once approved it goes live and donors can give. You can still edit it until then.
        </p>
      )}
      <StatusPanel campaign={data} />
      {data.status === 'draft' ? (
        <section className="card org-card" aria-labelledby="donations-heading">
          <h2 id="donations-heading">Donations</h2>
          <p>Donations open once an admin approves the campaign.</p>
        </section>
      ) : (
        <>
          <Totals campaign={data} />
          <Donations campaignId={data.id} status={data.status} />
        </>
      )}
      <details className="card org-card">
        <summary>Everything in this campaign</summary>
        <CampaignFacts campaign={data} />
      </details>
    </section>
  );
}
