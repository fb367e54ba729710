import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { badgeClass, donationStatusLabel } from './labels';
import type { DonationRecord } from './types';
import './donor.css';

/** A donor's own donations (signed in, or through the emailed guest link): campaign, amount, status, date. */
export function DonationList({ donations }: { donations: DonationRecord[] }) {
  const { t, money, dateTime } = useI18n();
  return (
    <ul className="donation-list">
      {donations.map((d) => (
        <li key={d.pledgeId} className="card donation-item">
          <div className="donation-item-head">
            <Link to={`/campaigns/${d.campaignId}`} className="donation-item-title">
              {d.campaignTitle ?? t('donor.card.untitled')}
            </Link>
            <strong className="donation-item-amount">{money(d.amount, d.currency)}</strong>
          </div>
          <div className="row muted donation-item-meta">
            <span className={badgeClass(d.status)}>{donationStatusLabel(t, d.status)}</span>
            <span>
              <time dateTime={d.donatedAt}>{dateTime(d.donatedAt)}</time>
            </span>
            {d.isAnonymous && <span>{t('donor.history.anonymous')}</span>}
            {d.status === 'refunded' && d.refundedAt && <span>{t('donor.history.refundedOn', { date: dateTime(d.refundedAt) })}</span>}
          </div>
          {d.message && <p className="donation-message">“{d.message}”</p>}
        </li>
      ))}
    </ul>
  );
}
