// The browse page's filters live in the URL (?q=&type=&status=&sort=&page=), so a shared link shows the same list.

import { CAMPAIGN_TYPES, PUBLIC_STATUSES, type CampaignType, type PublicCampaignStatus } from '../../components/donor/types';

export type SortOrder = 'newest' | 'ending_soon' | 'most_raised' | 'goal_progress';
export const SORT_ORDERS: readonly SortOrder[] = ['newest', 'ending_soon', 'most_raised', 'goal_progress'];

export const SEARCH_MAX = 200;
export const PAGE_SIZE = 12;

export interface BrowseFilters {
  q: string;
  type: CampaignType | '';
  status: PublicCampaignStatus | '';
  /** '' = the API's default: newest, or best match when searching. */
  sort: SortOrder | '';
  page: number;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

export function readFilters(params: URLSearchParams): BrowseFilters {
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').slice(0, SEARCH_MAX),
    type: oneOf(params.get('type'), CAMPAIGN_TYPES),
    status: oneOf(params.get('status'), PUBLIC_STATUSES),
    sort: oneOf(params.get('sort'), SORT_ORDERS),
    page: Number.isInteger(page) && page >= 1 && page <= 10000 ? page : 1,
  };
}

/** The URL query for these filters; defaults are left out to keep links short. */
export function writeFilters(filters: BrowseFilters): URLSearchParams {
  const params = new URLSearchParams();
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.type) params.set('type', filters.type);
  if (filters.status) params.set('status', filters.status);
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** A change of filter starts again at page 1. */
export function changeFilters(current: BrowseFilters, change: Partial<Omit<BrowseFilters, 'page'>>): BrowseFilters {
  return { ...current, ...change, page: 1 };
}

/** GET /api/campaigns query parameters. */
export function apiQuery(filters: BrowseFilters): Record<string, string | number> {
  const query: Record<string, string | number> = { page: filters.page, limit: PAGE_SIZE };
  const q = filters.q.trim();
  if (q) query.q = q;
  if (filters.type) query.type = filters.type;
  if (filters.status) query.status = filters.status;
  if (filters.sort) query.sort = filters.sort;
  return query;
}
