import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { Empty, QueryStates } from '../../components/States';
import { Pager } from '../../components/Pager';
import { DonationList } from '../../components/donor/DonationList';
import type { DonationRecord, UserStatistics } from '../../components/donor/types';
import '../../components/donor/donor.css';

const PAGE_SIZE = 10;

export default function MyDonationsPage() {
  const { t, money, number, date } = useI18n();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const pageParam = Number(params.get('page'));
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  const userId = user?.id ?? '';

  const stats = useQuery({
    queryKey: ['donor', 'me', userId, 'statistics'],
    queryFn: ({ signal }) => api.get<UserStatistics>(`/api/query/users/${encodeURIComponent(userId)}/statistics`, { signal }),
    enabled: Boolean(userId),
    meta: { private: true },
  });
  const list = useQuery({
    queryKey: ['donor', 'me', userId, 'donations', page],
    queryFn: ({ signal }) =>
      api.page<DonationRecord>(`/api/query/users/${encodeURIComponent(userId)}/donations`, { query: { page, limit: PAGE_SIZE }, signal }),
    enabled: Boolean(userId),
    placeholderData: keepPreviousData,
    meta: { private: true },
  });

  return (
    <section className="page my-donations">
      <h1>{t('donor.mine.title')}</h1>

      <section aria-labelledby="mine-summary">
        <h2 id="mine-summary" className="visually-hidden">
          {t('donor.mine.summary')}
        </h2>
        <QueryStates
          query={stats}
        >
          {(data) => (
            <dl className="stat-tiles">
              <div className="card stat-tile">
                <dt>{t('donor.mine.total')}</dt>
                <dd>{money(data.totalDonated, data.currency)}</dd>
              </div>
              <div className="card stat-tile">
                <dt>{t('donor.mine.count')}</dt>
                <dd>{number(data.donationCount)}</dd>
              </div>
              <div className="card stat-tile">
                <dt>{t('donor.mine.campaigns')}</dt>
                <dd>{number(data.campaignsSupported)}</dd>
              </div>
              {data.firstDonationAt && (
                <div className="card stat-tile">
                  <dt>{t('donor.mine.since')}</dt>
                  <dd>{date(data.firstDonationAt)}</dd>
                </div>
              )}
            </dl>
          )}
        </QueryStates>
      </section>

      <section aria-labelledby="mine-list">
        <h2 id="mine-list">{t('donor.mine.listTitle')}</h2>
        <p className="muted">{t('donor.mine.note')}</p>
        <QueryStates
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty>
              <p>{t('donor.mine.empty')}</p>
              <p>
                <Link to="/campaigns?status=active" className="button">
                  {t('donor.home.cta')}
                </Link>
              </p>
            </Empty>
          }
        >
          {(data) => (
            <>
              <DonationList donations={data.items} />
              <Pager
                pagination={data.pagination}
                onPage={(next) => {
                  setParams(next > 1 ? { page: String(next) } : {});
                  window.scrollTo({ top: 0 });
                }}
              />
            </>
          )}
        </QueryStates>
      </section>
    </section>
  );
}
