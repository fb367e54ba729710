import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { Empty, QueryStates } from '../../components/States';
import { Pager } from '../../components/Pager';
import { Filters, SelectFilter, TextFilter } from './Filters';
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES, campaignsQuery, campaignStatusLabel, campaignTypeLabel, withParam } from './helpers';
import { Badge, Id, PageTitle } from './ui';
import type { Campaign } from './types';

export default function CampaignsPage() {
  const { money, number, date } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = campaignsQuery(params);
  // The admin list cannot filter by type (the API passes only status and search): the type narrows the page shown.
  const type = CAMPAIGN_TYPES.some((t) => t.value === params.get('type')) ? params.get('type') : null;

  const campaigns = useQuery({
    queryKey: ['admin', 'campaigns', query],
    queryFn: ({ signal }) => api.page<Campaign>('/api/admin/campaigns', { query, signal }),
    meta: { private: true },
  });

  const all = campaigns.data?.items ?? [];
  const items = type ? all.filter((c) => c.campaignType === type) : all;
  const pagination = campaigns.data?.pagination;

  return (
    <section className="admin-page">
      <PageTitle>Campaigns</PageTitle>
      <Filters label="Filter campaigns" keys={['search', 'status', 'type']}>
        <TextFilter name="search" label="Search" hint="Words from the title or description." />
        <SelectFilter name="status" label="Status" options={CAMPAIGN_STATUSES} />
        <SelectFilter name="type" label="Type" options={CAMPAIGN_TYPES} hint="Narrows the campaigns on the current page only." />
      </Filters>

      <QueryStates
        query={campaigns}
        isEmpty={() => items.length === 0}
        empty={
          <Empty>
            <p>{all.length > 0 ? 'No campaign of this type on this page.' : 'No campaigns match these filters.'}</p>
          </Empty>
        }
      >
        {() => (
          <>
            <p className="muted">
              {pagination && `${number(pagination.total)} campaigns${type ? `; showing the ${campaignTypeLabel(type).toLowerCase()} ones on this page` : ''}.`}
            </p>
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">Campaigns, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Type</th>
                    <th scope="col">Status</th>
                    <th scope="col">Goal</th>
                    <th scope="col">Raised</th>
                    <th scope="col">Organiser</th>
                    <th scope="col">Created</th>
                    <th scope="col">Ends</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((campaign) => (
                    <tr key={campaign.id}>
                      <th scope="row">
                        <Link to={`/campaigns/${campaign.id}`}>{campaign.title}</Link>
                      </th>
                      <td>{campaignTypeLabel(campaign.campaignType)}</td>
                      <td>
                        <Badge tone={campaign.status}>{campaignStatusLabel(campaign.status)}</Badge>
                        {campaign.status === 'draft' && (
                          <>
                            {' '}
                            <Link to="/admin/approvals">Review</Link>
                          </>
                        )}
                        {campaign.cancelReason && <p className="muted a-small">Reason: {campaign.cancelReason}</p>}
                      </td>
                      <td>{money(campaign.goalAmount, campaign.currency)}</td>
                      <td>{money(campaign.currentAmount, campaign.currency)}</td>
                      <td>
                        <Id value={campaign.organizerId} />
                      </td>
                      <td>{date(campaign.createdAt)}</td>
                      <td>{campaign.endDate ? date(campaign.endDate) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {pagination && <Pager pagination={pagination} onPage={(p) => setParams(withParam(params, 'page', p))} />}
          </>
        )}
      </QueryStates>
    </section>
  );
}
