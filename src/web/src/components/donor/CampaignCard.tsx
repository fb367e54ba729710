import { Link } from 'react-router';
import { ProgressBar } from '../ProgressBar';
import { useI18n } from '../../lib/i18n';
import { formatPercent } from '../../lib/format';
import { badgeClass, campaignStatusLabel, typeLabel } from './labels';
import { percentOf } from './types';
import './donor.css';

export interface CampaignCardData {
  id: string;
  title: string | null;
  campaignType: string | null;
  status: string | null;
  raised: number;
  goal: number | null;
  currency: string;
  /** From the read side when it is known; otherwise computed from raised and goal. */
  percent?: number;
  endDate?: string | null;
  donorCount?: number;
}

/** One campaign in a list: its title links to the campaign page, figures say raised of goal. */
export function CampaignCard({ campaign, headingLevel = 3 }: { campaign: CampaignCardData; headingLevel?: 2 | 3 | 4 }) {
  const { t, money, number, date, language } = useI18n();
  const percent = campaign.percent ?? percentOf(campaign.raised, campaign.goal);
  const Heading = (`h${headingLevel}` as 'h2' | 'h3' | 'h4');
  const title = campaign.title ?? t('donor.card.untitled');
  const ended = campaign.status && campaign.status !== 'active';
  return (
    <article className="card campaign-card">
      <div className="row campaign-card-tags">
        {campaign.campaignType && <span className="badge type">{typeLabel(t, campaign.campaignType)}</span>}
        {ended && <span className={badgeClass(campaign.status)}>{campaignStatusLabel(t, campaign.status)}</span>}
      </div>
      <Heading className="campaign-card-title">
        <Link to={`/campaigns/${campaign.id}`}>{title}</Link>
      </Heading>
      <p className="campaign-card-money">
        <strong>{money(campaign.raised, campaign.currency)}</strong>{' '}
        {campaign.goal != null && <span className="muted">{t('donor.card.ofGoal', { goal: money(campaign.goal, campaign.currency, { whole: true }) })}</span>}
      </p>
      <ProgressBar percent={percent} label={t('donor.card.progressLabel', { percent: formatPercent(percent, language), title })} />
      <p className="muted campaign-card-meta">
        <span>{t('donor.card.percentRaised', { percent: formatPercent(percent, language) })}</span>
        {campaign.donorCount != null && (
          <span>{campaign.donorCount === 1 ? t('donor.card.oneDonor') : t('donor.card.donors', { count: number(campaign.donorCount) })}</span>
        )}
        {campaign.status === 'active' && campaign.endDate && <span>{t('donor.card.endsOn', { date: date(campaign.endDate) })}</span>}
      </p>
    </article>
  );
}
