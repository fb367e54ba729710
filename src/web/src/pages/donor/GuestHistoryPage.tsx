import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { Empty, QueryStates } from '../../components/States';
import { Pager } from '../../components/Pager';
import { DonationList } from '../../components/donor/DonationList';
import type { DonationRecord } from '../../components/donor/types';
import { GUEST_HISTORY_STORAGE_KEY, guestCredentials, withoutFragment } from './guestLink';
import '../../components/donor/donor.css';

const PAGE_SIZE = 10;

export default function GuestHistoryPage() {
  const { t } = useI18n();
  // The link's secret is in the fragment (never sent to a server); this tab keeps it so a reload still works.
  const [credentials] = useState(() => guestCredentials(window.location.hash, window.sessionStorage.getItem(GUEST_HISTORY_STORAGE_KEY)));
  const [page, setPage] = useState(1);

  useEffect(() => {
    if (credentials) window.sessionStorage.setItem(GUEST_HISTORY_STORAGE_KEY, JSON.stringify(credentials));
    if (window.location.hash) window.history.replaceState(window.history.state, '', withoutFragment(window.location));
  }, [credentials]);

  const list = useQuery({
    queryKey: ['donor', 'guest-history', credentials?.email ?? '', credentials?.token ?? '', page],
    queryFn: ({ signal }) =>
      api.page<DonationRecord>('/api/query/guests/donations', {
        query: { page, limit: PAGE_SIZE },
        headers: { 'X-Donor-Email': credentials!.email, 'X-Donor-History-Token': credentials!.token },
        anonymous: true,
        signal,
      }),
    enabled: credentials !== null,
    placeholderData: keepPreviousData,
    meta: { private: true },
  });

  const invalid = !credentials || (list.isError && list.error instanceof ApiError && (list.error.status === 401 || list.error.status === 400));

  useEffect(() => {
    if (invalid && credentials) window.sessionStorage.removeItem(GUEST_HISTORY_STORAGE_KEY);
  }, [invalid, credentials]);

  if (invalid || !credentials) {
    return (
      <section className="page narrow">
        <h1>{t('donor.guest.title')}</h1>
        <div className="alert warning" role="alert">
          <p>{credentials ? t('donor.guest.invalid') : t('donor.guest.noLink')}</p>
        </div>
        <p>
          <Link to="/donations/guest/request" className="button">
            {t('donor.guest.requestNew')}
          </Link>
        </p>
      </section>
    );
  }

  return (
    <section className="page guest-history">
      <h1>{t('donor.guest.title')}</h1>
      <p className="muted">{t('donor.guest.for', { email: credentials.email })}</p>
      <QueryStates
        query={list}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <Empty>
            <p>{t('donor.guest.empty')}</p>
            <p>
              <Link to="/campaigns?status=active">{t('donor.home.cta')}</Link>
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
                setPage(next);
                window.scrollTo({ top: 0 });
              }}
            />
          </>
        )}
      </QueryStates>
      <p className="muted">{t('donor.guest.linkNote')}</p>
    </section>
  );
}
