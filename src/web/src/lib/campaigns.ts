// The campaign as the campaigns service answers it (GET /api/campaigns/{id} and the list items), shared by the
// donor, organiser and admin pages.

export const CAMPAIGN_TYPES = ['medical', 'education', 'emergency', 'long_term'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

export const CAMPAIGN_STATUSES = ['draft', 'active', 'completed', 'expired', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export interface CampaignDocument {
  name: string;
  url: string;
}

export interface Campaign {
  id: string;
  title: string;
  description: string;
  campaignType: string;
  goalAmount: number;
  currentAmount: number;
  currency: string;
  startDate: string;
  endDate: string | null;
  status: string;
  organizerId: string;
  beneficiaryName: string | null;
  beneficiaryDetails: string | null;
  imageUrl: string | null;
  documents: CampaignDocument[];
  goalReachedAt: string | null;
  closedAt: string | null;
  cancelReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/query/campaigns/{id}/donations items (the donor wall). */
export interface WallDonation {
  donorName: string | null;
  isAnonymous: boolean;
  amount: number;
  currency: string;
  message: string | null;
  donatedAt: string;
}
