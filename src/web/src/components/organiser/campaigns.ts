// What the organiser pages read and send: the campaign object of the campaigns service, the read side's totals and
// donor wall, and the rules of which status allows what (CampaignEditRules / CampaignTransitions in src/Campaigns).

import { api } from '../../lib/api';

import type { Campaign, CampaignStatus, CampaignType, WallDonation } from '../../lib/campaigns';
import type { CampaignTotals } from '../../lib/live';

export { CAMPAIGN_STATUSES, CAMPAIGN_TYPES, type Campaign, type CampaignDocument, type CampaignStatus, type CampaignType, type WallDonation } from '../../lib/campaigns';
export type { CampaignTotals } from '../../lib/live';

export const CAMPAIGN_TYPE_LABELS: Record<CampaignType, string> = {
  medical: 'Medical',
  education: 'Education',
  emergency: 'Emergency',
  long_term: 'Long-term support',
};

/** Where the organiser sees a status: the words, and what it means for them. */
export const STATUS_TEXT: Record<CampaignStatus, { label: string; help: string }> = {
  draft: {
    label: 'Awaiting approval',
    help: 'An admin reviews every new campaign before donors can see it. You can keep editing it until it is approved.',
  },
  active: {
    label: 'Active',
    help: 'Donors can find and give to this campaign. You can still change its story, picture, documents and end date.',
  },
  completed: { label: 'Completed', help: 'This campaign is closed. Donations are no longer taken.' },
  expired: { label: 'Ended', help: 'The end date passed before the goal was reached. Donations are no longer taken.' },
  cancelled: { label: 'Cancelled', help: 'This campaign was withdrawn or rejected and takes no donations.' },
};

export function statusText(status: string): { label: string; help: string } {
  return STATUS_TEXT[status as CampaignStatus] ?? { label: status, help: '' };
}

export type EditableField =
  | 'title'
  | 'description'
  | 'campaignType'
  | 'goalAmount'
  | 'startDate'
  | 'endDate'
  | 'beneficiaryName'
  | 'beneficiaryDetails'
  | 'imageUrl'
  | 'documents';

export const ALL_FIELDS: readonly EditableField[] = [
  'title',
  'description',
  'campaignType',
  'goalAmount',
  'startDate',
  'endDate',
  'beneficiaryName',
  'beneficiaryDetails',
  'imageUrl',
  'documents',
];

/** Once people have given, the goal, type, beneficiary and start are fixed (409 CAMPAIGN_TERMS_FIXED otherwise). */
const OPEN_WHILE_ACTIVE: readonly EditableField[] = ['title', 'description', 'imageUrl', 'documents', 'endDate'];

/** The fields an organiser may change in this status: all of a draft, some of an active campaign, none once closed. */
export function editableFields(status: string): readonly EditableField[] {
  if (status === 'draft') return ALL_FIELDS;
  if (status === 'active') return OPEN_WHILE_ACTIVE;
  return [];
}

/** Public pages show every status but drafts (cancelled ones by their address only). */
export function isPublic(status: string): boolean {
  return status !== 'draft';
}

export const organiserApi = {
  mine: (userId: string, query: { page: number; limit: number; status?: string }) =>
    api.page<Campaign>(`/api/campaigns/user/${encodeURIComponent(userId)}`, { query }),
  get: (id: string) => api.get<Campaign>(`/api/campaigns/${encodeURIComponent(id)}`),
  create: (body: unknown, idempotencyKey: string) =>
    api.post<Campaign>('/api/campaigns', body, { headers: { 'Idempotency-Key': idempotencyKey } }),
  update: (id: string, body: unknown) => api.put<Campaign>(`/api/campaigns/${encodeURIComponent(id)}`, body),
  changeStatus: (id: string, status: CampaignStatus, reason?: string) =>
    api.patch<Campaign>(`/api/campaigns/${encodeURIComponent(id)}/status`, { status, reason: reason || undefined }),
  totals: (id: string) => api.get<CampaignTotals>(`/api/query/campaigns/${encodeURIComponent(id)}/totals`, { anonymous: true }),
  donations: (id: string, page: number, limit: number) =>
    api.page<WallDonation>(`/api/query/campaigns/${encodeURIComponent(id)}/donations`, { query: { page, limit }, anonymous: true }),
};


/** Whether the signed-in person may manage this campaign: its organiser, or an admin. */
export function mayManage(campaign: Pick<Campaign, 'organizerId'>, user: { id: string; role: string } | null): boolean {
  return user !== null && (user.role === 'ADMIN' || campaign.organizerId === user.id);
}
