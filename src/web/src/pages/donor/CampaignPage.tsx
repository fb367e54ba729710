import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useLiveTotals, type LiveMode } from '../../lib/live';
import { formatPercent } from '../../lib/format';
import { Empty, ErrorState, Loading, QueryStates } from '../../components/States';
import { Pager } from '../../components/Pager';
import { ProgressBar } from '../../components/ProgressBar';
import { ShareButton } from '../../components/donor/ShareButton';
import { badgeClass, campaignStatusLabel, typeLabel } from '../../components/donor/labels';
import { displayableImage, percentOf, type Campaign, type WallDonation } from '../../components/donor/types';
import { donationClosedReason, isNotFound, useCampaign } from './campaignRules';
import type { MessageKey } from '../../i18n/messages';
import '../../components/donor/donor.css';

const WALL_PAGE_SIZE = 10;

const modeKeys: Record<LiveMode, MessageKey> = {
  connecting: 'donor.campaign.live.connecting',
  live: 'donor.campaign.live.live',
  polling: 'donor.campaign.live.polling',
};

export function CampaignPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const campaign = useCampaign(id);

  if (campaign.isPending) return <Loading />;
  if (campaign.isError) {
    if (isNotFound(campaign.error)) {
      return (
        <section className="page narrow">
          <h1>{t('donor.campaign.notFound')}</h1>
          <p>
            <Link to="/campaigns">{t('donor.campaign.browseOthers')}</Link>
          </p>
        </section>
      );
    }
    return (
      <section className="page narrow">
        <h1>{t('donor.campaign.loadFailed')}</h1>
        <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />
      </section>
    );
  }
  return <CampaignDetail campaign={campaign.data} />;
}

function CampaignDetail({ campaign }: { campaign: Campaign }) {
  const { t, money, number, date, dateTime, language } = useI18n();
  const [now] = useState(() => Date.now());
  const live = useLiveTotals(campaign.id, campaign.status !== 'draft');
  const totals = live.totals;

  const status = totals?.status ?? campaign.status;
  const currency = totals?.currency ?? campaign.currency;
  const raised = totals?.raisedAmount ?? campaign.currentAmount;
  const goal = campaign.goalAmount;
  const percent = totals?.progressPercentage ?? percentOf(raised, goal);
  const closedReason = donationClosedReason({ ...campaign, status }, now);
  const image = displayableImage(campaign.imageUrl);
  const documents = (campaign.documents ?? []).filter((d) => /^https?:\/\//i.test(d.url));
  const shareUrl = `${window.location.origin}/campaigns/${campaign.id}`;

  return (
    <article className="campaign-detail">
      <div className="row campaign-card-tags">
        <span className="badge type">{typeLabel(t, campaign.campaignType)}</span>
        <span className={badgeClass(status)}>{campaignStatusLabel(t, status)}</span>
      </div>
      <h1>{campaign.title}</h1>

      <div className="campaign-layout">
        <section className="card campaign-side" aria-labelledby="totals-title">
          <h2 id="totals-title" className="visually-hidden">
            {t('donor.campaign.totalsTitle')}
          </h2>
          <div className="live-totals" aria-live="polite" aria-atomic="true">
            <p className="raised">
              <span className="raised-amount" data-testid="raised-amount">
                {money(raised, currency)}
              </span>{' '}
              <span className="muted">{t('donor.campaign.raisedOf', { goal: money(goal, currency, { whole: true }) })}</span>
            </p>
            <ProgressBar percent={percent} label={t('donor.campaign.progressLabel', { percent: formatPercent(percent, language) })} />
            <dl className="totals-figures">
              <div>
                <dt>{t('donor.campaign.funded')}</dt>
                <dd>{formatPercent(percent, language)}</dd>
              </div>
              <div>
                <dt>{t('donor.campaign.donors')}</dt>
                <dd data-testid="donor-count">{totals ? number(totals.donorCount) : '–'}</dd>
              </div>
              <div>
                <dt>{t('donor.campaign.donations')}</dt>
                <dd data-testid="donation-count">{totals ? number(totals.donationCount) : '–'}</dd>
              </div>
            </dl>
          </div>
          {campaign.status !== 'draft' && (
            <p className="muted live-mode">
              <span className={`live-dot ${live.mode}`} aria-hidden="true" /> {t(modeKeys[live.mode])}
            </p>
          )}

          {closedReason ? (
            <p className="alert info donate-closed">
              {t(closedReason)}
              {status === 'cancelled' && campaign.cancelReason ? ` ${t('donor.campaign.cancelReason', { reason: campaign.cancelReason })}` : ''}
            </p>
          ) : (
            <Link to={`/campaigns/${campaign.id}/donate`} className="button block donate-link">
              {t('donor.campaign.donate')}
            </Link>
          )}
          <ShareButton title={campaign.title} url={shareUrl} />
        </section>

        <div className="campaign-main">
          {image && <img src={image} alt="" className="campaign-image" />}
          <section aria-labelledby="story-title">
            <h2 id="story-title">{t('donor.campaign.story')}</h2>
            <p className="story">{campaign.description}</p>
          </section>

          {(campaign.beneficiaryName || campaign.beneficiaryDetails) && (
            <section aria-labelledby="beneficiary-title">
              <h2 id="beneficiary-title">{t('donor.campaign.beneficiary')}</h2>
              {campaign.beneficiaryName && <p className="beneficiary-name">{campaign.beneficiaryName}</p>}
              {campaign.beneficiaryDetails && <p className="story">{campaign.beneficiaryDetails}</p>}
            </section>
          )}

          <section aria-labelledby="facts-title">
            <h2 id="facts-title">{t('donor.campaign.facts')}</h2>
            <dl className="facts">
              <div>
                <dt>{t('donor.campaign.goal')}</dt>
                <dd>{money(goal, currency)}</dd>
              </div>
              <div>
                <dt>{t('donor.campaign.started')}</dt>
                <dd>{date(campaign.startDate)}</dd>
              </div>
              <div>
                <dt>{t('donor.campaign.ends')}</dt>
                <dd>{campaign.endDate ? dateTime(campaign.endDate) : t('donor.campaign.noEnd')}</dd>
              </div>
              {campaign.goalReachedAt && (
                <div>
                  <dt>{t('donor.campaign.goalReached')}</dt>
                  <dd>{dateTime(campaign.goalReachedAt)}</dd>
                </div>
              )}
              {campaign.closedAt && (
                <div>
                  <dt>{t('donor.campaign.closed')}</dt>
                  <dd>{dateTime(campaign.closedAt)}</dd>
                </div>
              )}
              {totals?.lastDonationAt && (
                <div>
                  <dt>{t('donor.campaign.lastDonation')}</dt>
                  <dd>{dateTime(totals.lastDonationAt)}</dd>
                </div>
              )}
            </dl>
          </section>

          {documents.length > 0 && (
            <section aria-labelledby="documents-title">
              <h2 id="documents-title">{t('donor.campaign.documents')}</h2>
              <ul>
                {documents.map((d) => (
                  <li key={`${d.name}-${d.url}`}>
                    <a href={d.url} target="_blank" rel="noopener noreferrer">
                      {d.name}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {campaign.status !== 'draft' && <DonorWall campaignId={campaign.id} donationCount={totals?.donationCount} />}
        </div>
      </div>
    </article>
  );
}

function DonorWall({ campaignId, donationCount }: { campaignId: string; donationCount: number | undefined }) {
  const { t, money, dateTime } = useI18n();
  const [page, setPage] = useState(1);
  // A new donation shows on the first page as soon as the live totals count it.
  const wall = useQuery({
    queryKey: ['donor', 'wall', campaignId, page, page === 1 ? (donationCount ?? null) : null],
    queryFn: ({ signal }) =>
      api.page<WallDonation>(`/api/query/campaigns/${encodeURIComponent(campaignId)}/donations`, {
        query: { page, limit: WALL_PAGE_SIZE },
        signal,
        anonymous: true,
      }),
    placeholderData: keepPreviousData,
  });

  return (
    <section aria-labelledby="wall-title" className="donor-wall">
      <h2 id="wall-title">{t('donor.wall.title')}</h2>
      <QueryStates
        query={wall}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <Empty>
            <p>{t('donor.wall.empty')}</p>
          </Empty>
        }
      >
        {(data) => (
          <>
            <ul className="wall-list">
              {data.items.map((d, index) => {
                const name = d.isAnonymous || !d.donorName?.trim() ? t('donor.wall.anonymous') : d.donorName;
                return (
                  <li key={`${d.donatedAt}-${index}`} className="wall-item">
                    <div className="wall-item-head">
                      <span className="wall-name">{name}</span>
                      <strong>{money(d.amount, d.currency)}</strong>
                    </div>
                    <time className="muted" dateTime={d.donatedAt}>
                      {dateTime(d.donatedAt)}
                    </time>
                    {d.message && <p className="donation-message">“{d.message}”</p>}
                  </li>
                );
              })}
            </ul>
            <Pager pagination={data.pagination} onPage={setPage} />
          </>
        )}
      </QueryStates>
    </section>
  );
}
