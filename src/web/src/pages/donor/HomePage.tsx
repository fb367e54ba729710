import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { CampaignTotals } from '../../lib/live';
import { Empty, QueryStates } from '../../components/States';
import { CampaignCard } from '../../components/donor/CampaignCard';
import { typeLabel } from '../../components/donor/labels';
import { CAMPAIGN_TYPES, type CampaignType, type PlatformStatistics } from '../../components/donor/types';
import '../../components/donor/donor.css';

const TOP_LIMIT = 6;

function useTop(by: 'raised' | 'progress', type: CampaignType | '') {
  return useQuery({
    queryKey: ['donor', 'top', by, type],
    queryFn: ({ signal }) =>
      api.get<CampaignTotals[]>('/api/query/campaigns/top', { query: { by, type: type || undefined, limit: TOP_LIMIT }, signal, anonymous: true }),
  });
}

export function HomePage() {
  const { t, money, number } = useI18n();
  const [params, setParams] = useSearchParams();
  const typeParam = params.get('type');
  const type: CampaignType | '' = typeParam && (CAMPAIGN_TYPES as readonly string[]).includes(typeParam) ? (typeParam as CampaignType) : '';

  const stats = useQuery({
    queryKey: ['donor', 'platform-statistics'],
    queryFn: ({ signal }) => api.get<PlatformStatistics>('/api/query/statistics/platform', { signal, anonymous: true }),
  });
  const byRaised = useTop('raised', type);
  const byProgress = useTop('progress', type);

  const chooseType = (next: CampaignType | '') => {
    const nextParams = new URLSearchParams(params);
    if (next) nextParams.set('type', next);
    else nextParams.delete('type');
    setParams(nextParams, { replace: true, preventScrollReset: true });
  };

  return (
    <div className="donor-home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('donor.home.title')}</h1>
        <p className="hero-lead">{t('donor.home.lead')}</p>
        <div className="row">
          <Link to="/campaigns?status=active" className="button">
            {t('donor.home.cta')}
          </Link>
          <Link to="/campaigns" className="button secondary">
            {t('donor.home.browse')}
          </Link>
        </div>
      </section>

      <section aria-labelledby="stats-title">
        <h2 id="stats-title">{t('donor.home.statsTitle')}</h2>
        <QueryStates
          query={stats}
        >
          {(data) => (
            <dl className="stat-tiles">
              <div className="card stat-tile">
                <dt>{t('donor.home.statRaised')}</dt>
                <dd>{money(data.totalRaised, data.currency, { whole: true })}</dd>
              </div>
              <div className="card stat-tile">
                <dt>{t('donor.home.statDonations')}</dt>
                <dd>{number(data.totalDonations)}</dd>
              </div>
              <div className="card stat-tile">
                <dt>{t('donor.home.statDonors')}</dt>
                <dd>{number(data.totalDonors)}</dd>
              </div>
              <div className="card stat-tile">
                <dt>{t('donor.home.statActive')}</dt>
                <dd>{number(data.activeCampaigns)}</dd>
              </div>
            </dl>
          )}
        </QueryStates>
      </section>

      <section aria-labelledby="top-title">
        <h2 id="top-title">{t('donor.home.topTitle')}</h2>
        <div className="chip-group" role="group" aria-label={t('donor.home.typeFilter')}>
          <button type="button" className="chip" aria-pressed={type === ''} onClick={() => chooseType('')}>
            {t('donor.filter.allTypes')}
          </button>
          {CAMPAIGN_TYPES.map((value) => (
            <button key={value} type="button" className="chip" aria-pressed={type === value} onClick={() => chooseType(value)}>
              {typeLabel(t, value)}
            </button>
          ))}
        </div>
        <TopList title={t('donor.home.topRaised')} query={byRaised} />
        <TopList title={t('donor.home.topProgress')} query={byProgress} />
        <p>
          <Link to={type ? `/campaigns?type=${type}` : '/campaigns'}>{t('donor.home.seeAll')}</Link>
        </p>
      </section>
    </div>
  );
}

function TopList({ title, query }: { title: string; query: ReturnType<typeof useTop> }) {
  const { t } = useI18n();
  return (
    <section className="top-list">
      <h3>{title}</h3>
      <QueryStates
        query={query}
        isEmpty={(data) => data.length === 0}
        empty={
          <Empty>
            <p>{t('donor.home.noCampaigns')}</p>
          </Empty>
        }
      >
        {(data) => (
          <ul className="grid card-list">
            {data.map((c) => (
              <li key={c.campaignId}>
                <CampaignCard
                  headingLevel={4}
                  campaign={{
                    id: c.campaignId,
                    title: c.title,
                    campaignType: c.campaignType,
                    status: c.status,
                    raised: c.raisedAmount,
                    goal: c.goalAmount,
                    currency: c.currency,
                    percent: c.progressPercentage,
                    endDate: c.endDate,
                    donorCount: c.donorCount,
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </QueryStates>
    </section>
  );
}
