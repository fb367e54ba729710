import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Empty, QueryStates } from '../../components/States';
import { Pager } from '../../components/Pager';
import { ProgressBar } from '../../components/ProgressBar';
import { useAuth } from '../../lib/auth';
import { formatDate, formatMoney } from '../../lib/format';
import { CAMPAIGN_STATUSES, editableFields, organiserApi, statusText, type Campaign } from '../../components/organiser/campaigns';
import { organiserKeys, privateMeta } from '../../components/organiser/queries';
import { StatusBadge } from '../../components/organiser/StatusBadge';
import '../../components/organiser/organiser.css';

const PAGE_SIZE = 10;

export default function MyCampaignsPage() {
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const status = (CAMPAIGN_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? params.get('status')! : '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const userId = user?.id ?? '';

  const campaigns = useQuery({
    queryKey: organiserKeys.minePage(userId, status, page),
    queryFn: () => organiserApi.mine(userId, { page, limit: PAGE_SIZE, status: status || undefined }),
    enabled: userId !== '',
    meta: privateMeta,
  });

  const show = (next: { status?: string; page?: number }) => {
    const search = new URLSearchParams();
    const nextStatus = next.status ?? status;
    if (nextStatus) search.set('status', nextStatus);
    if ((next.page ?? 1) > 1) search.set('page', String(next.page));
    setParams(search);
  };

  return (
    <section className="page">
      <div className="organiser-head">
        <h1>My campaigns</h1>
        <Link className="button" to="/me/campaigns/new">
          Start a campaign
        </Link>
      </div>
      <div className="field organiser-filter">
        <label htmlFor="campaign-status-filter">Show</label>
        <select id="campaign-status-filter" value={status} onChange={(e) => show({ status: e.target.value, page: 1 })}>
          <option value="">All campaigns</option>
          {CAMPAIGN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusText(s).label}
            </option>
          ))}
        </select>
      </div>
      <QueryStates
        query={campaigns}
        isEmpty={(data) => data.items.length === 0}
        empty={
          status ? (
            <Empty>
              <p>None of your campaigns is “{statusText(status).label}”.</p>
              <button type="button" className="button secondary" onClick={() => show({ status: '', page: 1 })}>
                Show all campaigns
              </button>
            </Empty>
          ) : (
            <Empty>
              <p>You have not started a campaign yet.</p>
              <p>
                Start one with a title, the story, a goal in taka and an end date. Save it as a draft; an admin reviews it, and once approved donors
                can find it and give. You need a verified email address to save a campaign.
              </p>
              <Link className="button" to="/me/campaigns/new">
                Start a campaign
              </Link>
            </Empty>
          )
        }
      >
        {(data) => (
          <>
            <ul className="organiser-list">
              {data.items.map((campaign) => (
                <CampaignRow key={campaign.id} campaign={campaign} />
              ))}
            </ul>
            <Pager pagination={data.pagination} onPage={(p) => show({ page: p })} />
          </>
        )}
      </QueryStates>
    </section>
  );
}

function CampaignRow({ campaign }: { campaign: Campaign }) {
  const percent = campaign.goalAmount > 0 ? (campaign.currentAmount / campaign.goalAmount) * 100 : 0;
  const editable = editableFields(campaign.status).length > 0;
  return (
    <li className="card" data-testid="my-campaign" data-campaign-id={campaign.id}>
      <h2>
        <Link to={`/me/campaigns/${campaign.id}`}>{campaign.title}</Link>
      </h2>
      <p className="row">
        <StatusBadge status={campaign.status} />
        {campaign.endDate && <span className="muted">Ends {formatDate(campaign.endDate)}</span>}
      </p>
      <p className="organiser-money">
        {formatMoney(campaign.currentAmount, campaign.currency)} raised of {formatMoney(campaign.goalAmount, campaign.currency)}
      </p>
      <ProgressBar percent={percent} label={`${Math.round(percent)}% of the goal raised for ${campaign.title}`} />
      <div className="organiser-actions">
        {editable && (
          <Link to={`/me/campaigns/${campaign.id}/edit`}>
            {campaign.status === 'draft' ? 'Edit draft' : 'Edit details'}
            <span className="visually-hidden">: {campaign.title}</span>
          </Link>
        )}
        <Link to={`/me/campaigns/${campaign.id}`}>
          {campaign.status === 'draft' ? 'View status' : 'Follow donations'}
          <span className="visually-hidden">: {campaign.title}</span>
        </Link>
      </div>
    </li>
  );
}
