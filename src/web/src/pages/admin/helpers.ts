// Pure helpers of the admin area: what a payment allows, the chart's rows, the filters as query strings.
import { ApiError, type QueryValue } from '../../lib/api';
import { DHAKA } from '../../lib/format';
import type { CampaignStatus, CampaignType, DashboardStats, HourBucket, Payment } from './types';

// ---- Labels ------------------------------------------------------------------------------------------------------

export const CAMPAIGN_STATUSES: { value: CampaignStatus; label: string }[] = [
  { value: 'draft', label: 'Awaiting approval' },
  { value: 'active', label: 'Active' },
  { value: 'completed', label: 'Completed' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'expired', label: 'Expired' },
];

export const CAMPAIGN_TYPES: { value: CampaignType; label: string }[] = [
  { value: 'medical', label: 'Medical' },
  { value: 'education', label: 'Education' },
  { value: 'emergency', label: 'Emergency' },
  { value: 'long_term', label: 'Long-term' },
];

export const PAYMENT_STATUSES = ['pending', 'authorized', 'captured', 'completed', 'failed', 'refunded'] as const;

export const AUDIT_ACTIONS = [
  'create_campaign',
  'update_campaign',
  'approve_campaign',
  'reject_campaign',
  'cancel_campaign',
  'close_campaign',
  'suspend_user',
  'reactivate_user',
  'refund_payment',
  'reject_payment',
  'release_payment',
] as const;

export const AUDIT_ENTITY_TYPES = ['campaign', 'user', 'payment'] as const;

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export function campaignStatusLabel(status: string): string {
  return CAMPAIGN_STATUSES.find((s) => s.value === status)?.label ?? humanize(status);
}

export function campaignTypeLabel(type: string): string {
  return CAMPAIGN_TYPES.find((t) => t.value === type)?.label ?? humanize(type);
}

/** "approve_campaign" → "Approve campaign". */
export function humanize(value: string | null | undefined): string {
  if (!value) return '';
  const words = value.replace(/[_.-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The first block of a UUID, enough to tell rows apart on a phone; the full id goes in a title or a hidden span. */
export function shortId(id: string | null | undefined): string {
  return id ? id.split('-')[0]! : '';
}

export function personName(person: { firstName: string | null; lastName: string | null }): string {
  return [person.firstName, person.lastName].filter((part) => part && part.trim()).join(' ');
}

// ---- Payments ----------------------------------------------------------------------------------------------------

export type PaymentAction = 'refund' | 'release' | 'reject';

/**
 * What an admin may do to a payment: a risk-held one (captured, risk level 1) is released or rejected; a completed
 * one that has not been refunded can be refunded. Everything else (pending, failed, refunded…) allows nothing.
 */
export function paymentActions(payment: Pick<Payment, 'status' | 'held' | 'refundedAt'>): PaymentAction[] {
  if (payment.held) return ['release', 'reject'];
  if (payment.status === 'completed' && !payment.refundedAt) return ['refund'];
  return [];
}

export function paymentStatusLabel(payment: Pick<Payment, 'status' | 'held'>): string {
  return payment.held ? 'Held for review' : humanize(payment.status);
}

const METHODS: Record<string, string> = { bkash: 'bKash', nagad: 'Nagad', rocket: 'Rocket', card: 'Card' };

export function paymentMethodLabel(method: string | null | undefined): string {
  if (!method) return '—';
  return METHODS[method.toLowerCase()] ?? humanize(method);
}

export const PAYMENT_ACTION_TEXT: Record<PaymentAction, { button: string; confirm: string; title: string; reasonRequired: boolean }> = {
  refund: { button: 'Refund', confirm: 'Confirm refund', title: 'Refund this payment?', reasonRequired: true },
  release: { button: 'Release', confirm: 'Confirm release', title: 'Release this held payment?', reasonRequired: false },
  reject: { button: 'Reject', confirm: 'Confirm reject', title: 'Reject this held payment?', reasonRequired: true },
};

export { AttemptKey } from '../../lib/idempotency';

// ---- Dashboard ---------------------------------------------------------------------------------------------------

export interface HourRow {
  hour: string;
  /** "16:00" in Dhaka time. */
  label: string;
  donations: number;
  amount: number;
}

const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: DHAKA, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The last day's donations per hour as chart rows, oldest first, labelled in Dhaka time. */
export function hourlyRows(stats: DashboardStats | undefined | null): HourRow[] {
  const buckets: HourBucket[] = stats?.statistics?.data?.donationsPerHour ?? [];
  return [...buckets]
    .filter((b) => !Number.isNaN(new Date(b.hour).getTime()))
    .sort((a, b) => new Date(a.hour).getTime() - new Date(b.hour).getTime())
    .map((b) => ({ hour: b.hour, label: hourFormat.format(new Date(b.hour)), donations: Number(b.donations) || 0, amount: Number(b.amount) || 0 }));
}

/** One sentence for people who do not see the chart. */
export function hourlySummary(rows: HourRow[], formatAmount: (amount: number) => string): string {
  if (rows.length === 0) return 'No hourly figures yet.';
  const donations = rows.reduce((sum, r) => sum + r.donations, 0);
  const amount = rows.reduce((sum, r) => sum + r.amount, 0);
  const hours = rows.length === 1 ? '1 hour' : `${rows.length} hours`;
  if (donations === 0) return `No donations in the last ${hours}.`;
  const peak = rows.reduce((best, r) => (r.donations > best.donations ? r : best), rows[0]!);
  const count = donations === 1 ? '1 donation' : `${donations} donations`;
  return `${count} (${formatAmount(amount)}) in the last ${hours}; the busiest hour began at ${peak.label} with ${peak.donations}.`;
}

/** "0 s", "45 s", "2 min 5 s", "3 h 20 min". */
export function formatAge(seconds: number | null | undefined): string {
  const s = Math.max(0, Math.floor(Number(seconds) || 0));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  const hours = Math.floor(s / 3600);
  if (hours < 48) return `${hours} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

// ---- Lists and filters -------------------------------------------------------------------------------------------

/** A page number from the address bar: a whole number from 1, else 1. */
export function readPage(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 && page <= 10000 ? page : 1;
}

/** The address bar's filters with one changed; any filter change goes back to page 1. */
export function withParam(params: URLSearchParams, key: string, value: string | number | null | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === null || value === undefined || value === '') next.delete(key);
  else next.set(key, String(value));
  if (key !== 'page') next.delete('page');
  return next;
}

/** The named filters from a submitted form (empty ones dropped), page reset to 1. */
export function paramsFromForm(form: FormData, keys: readonly string[]): URLSearchParams {
  const next = new URLSearchParams();
  for (const key of keys) {
    const value = form.get(key);
    if (typeof value === 'string' && value.trim() !== '') next.set(key, value.trim());
  }
  return next;
}

export const PAGE_SIZE = 20;

export function campaignsQuery(params: URLSearchParams): Record<string, QueryValue> {
  return { status: pick(params.get('status'), CAMPAIGN_STATUSES.map((s) => s.value)), search: params.get('search')?.trim().slice(0, 200), page: readPage(params), limit: PAGE_SIZE };
}

export function usersQuery(params: URLSearchParams): Record<string, QueryValue> {
  return {
    search: params.get('search')?.trim().slice(0, 200),
    status: pick(params.get('status'), ['active', 'suspended']),
    role: pick(params.get('role'), ['USER', 'ADMIN']),
    page: readPage(params),
    limit: PAGE_SIZE,
  };
}

export function paymentsQuery(params: URLSearchParams): Record<string, QueryValue> {
  return { status: pick(params.get('status'), PAYMENT_STATUSES), held: pick(params.get('held'), ['true', 'false']), page: readPage(params), limit: PAGE_SIZE };
}

export function notificationsQuery(params: URLSearchParams): Record<string, QueryValue> {
  return { unread: params.get('unread') === 'true' ? true : undefined, severity: pick(params.get('severity'), SEVERITIES), page: readPage(params), limit: PAGE_SIZE };
}

export interface AuditFilter {
  action?: string;
  adminId?: string;
  entityType?: string;
  entityId?: string;
  /** A Dhaka calendar day, YYYY-MM-DD: from its first moment. */
  from?: string;
  /** A Dhaka calendar day, YYYY-MM-DD: to its last moment. */
  to?: string;
  page?: number;
}

export const AUDIT_FILTER_KEYS = ['action', 'adminId', 'entityType', 'entityId', 'from', 'to'] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function auditFilterFromParams(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = { page: readPage(params) };
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

/** Filter mistakes worth catching before asking: a partial id, a day range backwards. */
export function auditFilterProblems(filter: AuditFilter): Partial<Record<keyof AuditFilter, string>> {
  const problems: Partial<Record<keyof AuditFilter, string>> = {};
  if (filter.adminId && !UUID.test(filter.adminId)) problems.adminId = 'Enter the admin’s full id (a UUID).';
  if (filter.entityId && !UUID.test(filter.entityId)) problems.entityId = 'Enter the target’s full id (a UUID).';
  if (filter.action && !(AUDIT_ACTIONS as readonly string[]).includes(filter.action)) problems.action = 'Choose an action from the list.';
  if (filter.entityType && !(AUDIT_ENTITY_TYPES as readonly string[]).includes(filter.entityType)) problems.entityType = 'Choose a target type from the list.';
  if (filter.from && !DAY.test(filter.from)) problems.from = 'Enter a date.';
  if (filter.to && !DAY.test(filter.to)) problems.to = 'Enter a date.';
  if (filter.from && filter.to && DAY.test(filter.from) && DAY.test(filter.to) && filter.to < filter.from) problems.to = 'The end date must not be before the start date.';
  return problems;
}

/** The audit filter as GET /api/admin/audit-logs query parameters; days are whole Dhaka days (UTC+6, no DST). */
export function auditQuery(filter: AuditFilter, limit = PAGE_SIZE): Record<string, QueryValue> {
  return {
    action: filter.action,
    adminId: filter.adminId,
    entityType: filter.entityType,
    entityId: filter.entityId,
    from: filter.from && DAY.test(filter.from) ? `${filter.from}T00:00:00+06:00` : undefined,
    to: filter.to && DAY.test(filter.to) ? `${filter.to}T23:59:59.999+06:00` : undefined,
    page: filter.page && filter.page > 1 ? filter.page : 1,
    limit,
  };
}

/** What an audit entry changed, in words: "Status: draft → active". */
export function auditChange(details: Record<string, unknown> | null | undefined): string {
  if (!details) return '';
  const before = asRecord(details.before);
  const after = asRecord(details.after);
  if (!after && !before) return '';
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys
    .map((key) => {
      const from = before?.[key];
      const to = after?.[key];
      if (from === undefined || from === null) return `${humanize(key)}: ${text(to)}`;
      return `${humanize(key)}: ${text(from)} → ${text(to)}`;
    })
    .join('; ');
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

// ---- Errors ------------------------------------------------------------------------------------------------------

export interface ErrorText {
  message: string;
  code: string | null;
  fields: Record<string, string[]>;
}

/** The error envelope's message, code and field messages; a connection failure or a crash in plain words. */
export function errorText(error: unknown): ErrorText {
  if (error instanceof ApiError) {
    if (error.code === 'IDEMPOTENCY_KEY_IN_USE') {
      return { message: 'The same request is still being processed. Wait a second and try again.', code: error.code, fields: {} };
    }
    // Only validation answers carry field messages; other codes' details are facts ({status}), not messages.
    const fields = error.code === 'VALIDATION_ERROR' || error.code === 'IDEMPOTENCY_KEY_REQUIRED' ? error.fieldErrors : {};
    return { message: error.message, code: error.isNetworkError ? null : error.code, fields };
  }
  return { message: 'Something went wrong.', code: null, fields: {} };
}
