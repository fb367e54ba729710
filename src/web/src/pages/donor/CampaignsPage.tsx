import { useEffect, useId, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { Empty, QueryStates } from '../../components/States';
import { Pager } from '../../components/Pager';
import { CampaignCard } from '../../components/donor/CampaignCard';
import { campaignStatusLabel, typeLabel } from '../../components/donor/labels';
import { CAMPAIGN_TYPES, PUBLIC_STATUSES, type Campaign, type CampaignType, type PublicCampaignStatus } from '../../components/donor/types';
import { apiQuery, changeFilters, readFilters, SEARCH_MAX, SORT_ORDERS, writeFilters, type BrowseFilters, type SortOrder } from './browseQuery';
import type { MessageKey } from '../../i18n/messages';
import '../../components/donor/donor.css';

const SEARCH_DELAY_MS = 400;

const sortKeys: Record<SortOrder, MessageKey> = {
  newest: 'donor.browse.sort.newest',
  ending_soon: 'donor.browse.sort.ending_soon',
  most_raised: 'donor.browse.sort.most_raised',
  goal_progress: 'donor.browse.sort.goal_progress',
};

export default function CampaignsPage() {
  const { t, number } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const ids = { search: useId(), type: useId(), status: useId(), sort: useId() };

  const go = (next: BrowseFilters, replace = false) => setParams(writeFilters(next), { replace });

  // What is typed reaches the URL (and the API) after a pause; the URL also feeds the box on back/forward.
  const [text, setText] = useState(filters.q);
  const [seenQ, setSeenQ] = useState(filters.q);
  const [written, setWritten] = useState(filters.q);
  if (filters.q !== seenQ) {
    setSeenQ(filters.q);
    if (filters.q !== written) {
      setText(filters.q);
      setWritten(filters.q);
    }
  }
  useEffect(() => {
    if (text.trim() === filters.q) return;
    const timer = window.setTimeout(() => {
      setWritten(text.trim());
      setParams(writeFilters(changeFilters(readFilters(params), { q: text })), { replace: true });
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, filters.q, params, setParams]);

  const list = useQuery({
    queryKey: ['donor', 'campaigns', apiQuery(filters)],
    queryFn: ({ signal }) => api.page<Campaign>('/api/campaigns', { query: apiQuery(filters), signal }),
    placeholderData: keepPreviousData,
  });

  const sortValue = !filters.q && filters.sort === 'newest' ? '' : filters.sort;
  const filtered = Boolean(filters.q || filters.type || filters.status);

  return (
    <section className="donor-browse">
      <h1>{t('donor.browse.title')}</h1>
      <form
        role="search"
        className="card browse-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setWritten(text.trim());
          go(changeFilters(filters, { q: text }));
        }}
      >
        <div className="field browse-search">
          <label htmlFor={ids.search}>{t('donor.browse.search')}</label>
          <div className="row search-row">
            <input
              id={ids.search}
              type="search"
              value={text}
              maxLength={SEARCH_MAX}
              placeholder={t('donor.browse.searchPlaceholder')}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="button">
              {t('donor.browse.searchButton')}
            </button>
          </div>
        </div>
        <div className="browse-selects">
          <div className="field">
            <label htmlFor={ids.type}>{t('donor.browse.type')}</label>
            <select id={ids.type} value={filters.type} onChange={(e) => go(changeFilters(filters, { type: e.target.value as CampaignType | '' }))}>
              <option value="">{t('donor.filter.allTypes')}</option>
              {CAMPAIGN_TYPES.map((value) => (
                <option key={value} value={value}>
                  {typeLabel(t, value)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.status}>{t('donor.browse.status')}</label>
            <select
              id={ids.status}
              value={filters.status}
              onChange={(e) => go(changeFilters(filters, { status: e.target.value as PublicCampaignStatus | '' }))}
            >
              <option value="">{t('donor.filter.allStatuses')}</option>
              {PUBLIC_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {campaignStatusLabel(t, value)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.sort}>{t('donor.browse.sort')}</label>
            <select id={ids.sort} value={sortValue} onChange={(e) => go(changeFilters(filters, { sort: e.target.value as SortOrder | '' }))}>
              <option value="">{filters.q ? t('donor.browse.sort.relevance') : t('donor.browse.sort.newest')}</option>
              {SORT_ORDERS.filter((value) => value !== 'newest' || filters.q).map((value) => (
                <option key={value} value={value}>
                  {t(sortKeys[value])}
                </option>
              ))}
            </select>
          </div>
        </div>
        {filtered && (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setText('');
              setWritten('');
              go({ q: '', type: '', status: '', sort: '', page: 1 });
            }}
          >
            {t('donor.browse.clear')}
          </button>
        )}
      </form>

      <p className="muted browse-count" aria-live="polite">
        {list.data && !list.isError ? t('donor.browse.count', { count: number(list.data.pagination.total) }) : ''}
      </p>

      <QueryStates
        query={list}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <Empty>
            <p>{filtered ? t('donor.browse.emptyFiltered') : t('donor.browse.empty')}</p>
          </Empty>
        }
      >
        {(data) => (
          <>
            <ul className="grid card-list" aria-busy={list.isFetching}>
              {data.items.map((c) => (
                <li key={c.id}>
                  <CampaignCard
                    headingLevel={2}
                    campaign={{
                      id: c.id,
                      title: c.title,
                      campaignType: c.campaignType,
                      status: c.status,
                      raised: c.currentAmount,
                      goal: c.goalAmount,
                      currency: c.currency,
                      endDate: c.endDate,
                    }}
                  />
                </li>
              ))}
            </ul>
            <Pager
              pagination={data.pagination}
              onPage={(page) => {
                go({ ...filters, page });
                window.scrollTo({ top: 0 });
              }}
            />
          </>
        )}
      </QueryStates>
    </section>
  );
}
