import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { Campaign } from '../../components/donor/types';
import type { MessageKey } from '../../i18n/messages';

/** Why a campaign takes no donation now (a message key), or null when it does. */
export function donationClosedReason(campaign: { status: string; endDate: string | null }, now: number): MessageKey | null {
  switch (campaign.status.toLowerCase()) {
    case 'active':
      return campaign.endDate && Date.parse(campaign.endDate) <= now ? 'donor.closed.ended' : null;
    case 'draft':
      return 'donor.closed.draft';
    case 'completed':
      return 'donor.closed.completed';
    case 'expired':
      return 'donor.closed.expired';
    case 'cancelled':
      return 'donor.closed.cancelled';
    default:
      return 'donor.closed.other';
  }
}

/** GET /api/campaigns/{id}, shared by the campaign and donate pages (one cache entry). */
export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: ['donor', 'campaign', id],
    queryFn: ({ signal }) => api.get<Campaign>(`/api/campaigns/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

/** No such campaign, or an id that is not one (the API answers 400 for a non-UUID). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}
