// The shapes the donor pages read from the API (see /api docs: campaigns §3.1, read side §7).

export { CAMPAIGN_TYPES, type Campaign, type CampaignDocument, type CampaignType, type WallDonation } from '../../lib/campaigns';

/** Statuses a visitor can filter the public list by. */
export type PublicCampaignStatus = 'active' | 'completed' | 'expired';
export const PUBLIC_STATUSES: readonly PublicCampaignStatus[] = ['active', 'completed', 'expired'];

/** GET /api/query/users/{id}/donations and /api/query/guests/donations items. */
export interface DonationRecord {
  pledgeId: string;
  campaignId: string;
  campaignTitle: string | null;
  amount: number;
  currency: string;
  isAnonymous: boolean;
  donorName: string | null;
  message: string | null;
  status: string;
  donatedAt: string;
  refundedAt: string | null;
}

/** GET /api/query/users/{id}/statistics. */
export interface UserStatistics {
  userId: string;
  totalDonated: number;
  currency: string;
  donationCount: number;
  campaignsSupported: number;
  firstDonationAt: string | null;
  lastDonationAt: string | null;
}

/** GET /api/query/statistics/platform. */
export interface PlatformStatistics {
  totalRaised: number;
  currency: string;
  totalDonations: number;
  totalDonors: number;
  totalCampaigns: number;
  activeCampaigns: number;
  updatedAt: string;
}

/** GET /api/payments/{id} and /api/payments/pledge/{pledgeId}, as a donor or guest sees it. */
export interface PaymentView {
  id: string;
  pledgeId: string;
  campaignId: string;
  tranId: string;
  status: string;
  amount: number;
  currency: string;
  paymentMethod: string | null;
  riskLevel: number | null;
  riskTitle: string | null;
  gatewayUrl: string | null;
  errorMessage: string | null;
  refundReason: string | null;
  refundedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Share of the goal raised, in percent (may exceed 100). */
export function percentOf(raised: number, goal: number | null | undefined): number {
  if (!goal || goal <= 0 || !Number.isFinite(raised)) return 0;
  return (raised / goal) * 100;
}

/** Campaign images on other origins are blocked by the page's CSP: only same-origin ones are worth rendering. */
export function displayableImage(url: string | null | undefined, origin: string = window.location.origin): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, origin);
    return parsed.origin === origin ? parsed.href : null;
  } catch {
    return null;
  }
}
