import { formatDate, formatMoney } from '../../lib/format';
import { CAMPAIGN_TYPE_LABELS, type Campaign } from './campaigns';

/** Every field of a campaign as text (never as HTML), for read-only views. */
export function CampaignFacts({ campaign }: { campaign: Campaign }) {
  return (
    <dl className="org-facts">
      <dt>Title</dt>
      <dd>{campaign.title}</dd>
      <dt>Description</dt>
      <dd>{campaign.description}</dd>
      <dt>Campaign type</dt>
      <dd>{CAMPAIGN_TYPE_LABELS[campaign.campaignType as keyof typeof CAMPAIGN_TYPE_LABELS] ?? campaign.campaignType}</dd>
      <dt>Goal amount (৳)</dt>
      <dd>{formatMoney(campaign.goalAmount, campaign.currency)}</dd>
      <dt>Start date</dt>
      <dd>{formatDate(campaign.startDate)}</dd>
      <dt>End date</dt>
      <dd>{campaign.endDate ? formatDate(campaign.endDate) : '—'}</dd>
      <dt>Beneficiary name</dt>
      <dd>{campaign.beneficiaryName ?? '—'}</dd>
      <dt>Beneficiary details</dt>
      <dd>{campaign.beneficiaryDetails ?? '—'}</dd>
      <dt>Image URL</dt>
      <dd>{campaign.imageUrl ?? '—'}</dd>
      <dt>Supporting documents</dt>
      <dd>
        {campaign.documents.length === 0 ? (
          '—'
        ) : (
          <ul>
            {campaign.documents.map((document, index) => (
              <li key={index}>
                {document.name}: <span className="muted">{document.url}</span>
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
