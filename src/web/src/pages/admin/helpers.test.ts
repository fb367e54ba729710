import { describe, expect, it } from 'vitest';
import { ApiError, buildUrl } from '../../lib/api';
import {
  AttemptKey,
  auditChange,
  auditFilterFromParams,
  auditFilterProblems,
  auditQuery,
  campaignsQuery,
  errorText,
  formatAge,
  hourlyRows,
  hourlySummary,
  humanize,
  paramsFromForm,
  paymentActions,
  paymentMethodLabel,
  paymentsQuery,
  paymentStatusLabel,
  readPage,
  usersQuery,
  withParam,
} from './helpers';
import type { DashboardStats } from './types';

describe('paymentActions', () => {
  it('lets a risk-held payment be released or rejected', () => {
    expect(paymentActions({ status: 'captured', held: true, refundedAt: null })).toEqual(['release', 'reject']);
  });

  it('lets a completed payment be refunded, once', () => {
    expect(paymentActions({ status: 'completed', held: false, refundedAt: null })).toEqual(['refund']);
    expect(paymentActions({ status: 'completed', held: false, refundedAt: '2026-05-02T09:15:00+00:00' })).toEqual([]);
  });

  it.each(['pending', 'authorized', 'captured', 'failed', 'refunded'])('allows nothing on a %s payment that is not held', (status) => {
    expect(paymentActions({ status, held: false, refundedAt: null })).toEqual([]);
  });

  it('spells the payment channels as their brands do', () => {
    expect(paymentMethodLabel('bkash')).toBe('bKash');
    expect(paymentMethodLabel(null)).toBe('—');
    expect(paymentMethodLabel('mobile_banking')).toBe('Mobile banking');
  });

  it('names a held payment by what it waits for', () => {
    expect(paymentStatusLabel({ status: 'captured', held: true })).toBe('Held for review');
    expect(paymentStatusLabel({ status: 'completed', held: false })).toBe('Completed');
  });
});

describe('AttemptKey', () => {
  it('reuses the key when the same request is retried and makes a new one for a changed request', () => {
    let n = 0;
    const keys = new AttemptKey(() => `key-${++n}`);
    const first = keys.for({ action: 'refund', payment: 'p1', body: { reason: 'Duplicate' } });
    expect(keys.for({ action: 'refund', payment: 'p1', body: { reason: 'Duplicate' } })).toBe(first);
    const changed = keys.for({ action: 'refund', payment: 'p1', body: { reason: 'Donor asked' } });
    expect(changed).not.toBe(first);
    expect(keys.for({ action: 'refund', payment: 'p1', body: { reason: 'Donor asked' } })).toBe(changed);
  });

  it('uses random UUIDs by default, one per attempt', () => {
    const a = new AttemptKey().for({ x: 1 });
    const b = new AttemptKey().for({ x: 1 });
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
});

describe('hourly chart data', () => {
  const stats = {
    statistics: {
      service: 'query',
      available: true,
      problem: null,
      data: {
        totalRaised: 1500,
        raisedToday: 750,
        donationsToday: 1,
        totalDonations: 2,
        totalDonors: 2,
        currency: 'BDT',
        campaignsByStatus: {},
        donationsPerHour: [
          { hour: '2026-05-01T11:00:00+00:00', donations: 3, amount: 2250 },
          { hour: '2026-05-01T10:00:00+00:00', donations: 0, amount: 0 },
          { hour: '2026-05-01T18:00:00+00:00', donations: 1, amount: 500.5 },
        ],
      },
    },
  } as unknown as DashboardStats;

  it('sorts the hours oldest first and labels them in Dhaka time', () => {
    expect(hourlyRows(stats)).toEqual([
      { hour: '2026-05-01T10:00:00+00:00', label: '16:00', donations: 0, amount: 0 },
      { hour: '2026-05-01T11:00:00+00:00', label: '17:00', donations: 3, amount: 2250 },
      { hour: '2026-05-01T18:00:00+00:00', label: '00:00', donations: 1, amount: 500.5 },
    ]);
  });

  it('gives nothing when the statistics did not answer', () => {
    expect(hourlyRows({ statistics: { service: 'query', available: false, problem: 'timeout', data: null } } as unknown as DashboardStats)).toEqual([]);
    expect(hourlyRows(undefined)).toEqual([]);
  });

  it('sums the day up in one sentence', () => {
    const rows = hourlyRows(stats);
    expect(hourlySummary(rows, (a) => `৳${a}`)).toBe('4 donations (৳2750.5) in the last 3 hours; the busiest hour began at 17:00 with 3.');
    expect(hourlySummary(rows.map((r) => ({ ...r, donations: 0, amount: 0 })), String)).toBe('No donations in the last 3 hours.');
    expect(hourlySummary([], String)).toBe('No hourly figures yet.');
  });
});

describe('audit filter', () => {
  it('turns Dhaka days into the API’s instants and drops empty filters', () => {
    const filter = auditFilterFromParams(new URLSearchParams('action=approve_campaign&from=2026-05-01&to=2026-05-02&adminId=&page=3'));
    expect(auditQuery(filter)).toEqual({
      action: 'approve_campaign',
      adminId: undefined,
      entityType: undefined,
      entityId: undefined,
      from: '2026-05-01T00:00:00+06:00',
      to: '2026-05-02T23:59:59.999+06:00',
      page: 3,
      limit: 20,
    });
    expect(buildUrl('/api/admin/audit-logs', auditQuery(filter))).toBe(
      '/api/admin/audit-logs?action=approve_campaign&from=2026-05-01T00%3A00%3A00%2B06%3A00&to=2026-05-02T23%3A59%3A59.999%2B06%3A00&page=3&limit=20',
    );
  });

  it('passes the target and the admin as given', () => {
    const id = '0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b';
    const filter = auditFilterFromParams(new URLSearchParams({ entityType: 'payment', entityId: id, adminId: id }));
    expect(buildUrl('/api/admin/audit-logs', auditQuery(filter))).toBe(`/api/admin/audit-logs?adminId=${id}&entityType=payment&entityId=${id}&page=1&limit=20`);
    expect(auditFilterProblems(filter)).toEqual({});
  });

  it('catches partial ids, unknown values and a backwards range before asking', () => {
    expect(auditFilterProblems({ adminId: '0196b0a4', entityId: 'x', action: 'delete_everything', entityType: 'pledge', from: '2026-05-03', to: '2026-05-02' })).toEqual({
      adminId: expect.any(String),
      entityId: expect.any(String),
      action: expect.any(String),
      entityType: expect.any(String),
      to: 'The end date must not be before the start date.',
    });
  });

  it('describes what an entry changed', () => {
    expect(auditChange({ before: { status: 'draft' }, after: { status: 'active' }, reason: null })).toBe('Status: draft → active');
    expect(auditChange({ before: null, after: { status: 'refunded', amount: 750 } })).toBe('Status: refunded; Amount: 750');
    expect(auditChange(null)).toBe('');
  });
});

describe('list filters', () => {
  it('reads the page from the address bar, 1 when it is not a page', () => {
    expect(readPage(new URLSearchParams('page=4'))).toBe(4);
    expect(readPage(new URLSearchParams('page=0'))).toBe(1);
    expect(readPage(new URLSearchParams('page=abc'))).toBe(1);
    expect(readPage(new URLSearchParams())).toBe(1);
  });

  it('goes back to page 1 when a filter changes, not when the page does', () => {
    const params = new URLSearchParams('status=held&page=3');
    expect(withParam(params, 'status', 'failed').toString()).toBe('status=failed');
    expect(withParam(params, 'page', 4).toString()).toBe('status=held&page=4');
    expect(withParam(params, 'status', '').toString()).toBe('');
  });

  it('keeps only the values the API knows', () => {
    expect(paymentsQuery(new URLSearchParams('status=completed&held=true&page=2'))).toEqual({ status: 'completed', held: 'true', page: 2, limit: 20 });
    expect(paymentsQuery(new URLSearchParams('status=bogus&held=maybe'))).toEqual({ status: undefined, held: undefined, page: 1, limit: 20 });
    expect(usersQuery(new URLSearchParams('search= rina &status=suspended&role=ADMIN'))).toEqual({ search: 'rina', status: 'suspended', role: 'ADMIN', page: 1, limit: 20 });
    expect(campaignsQuery(new URLSearchParams('status=draft&type=medical'))).toEqual({ status: 'draft', search: undefined, page: 1, limit: 20 });
  });

  it('takes the filled-in fields of a filter form', () => {
    const form = new FormData();
    form.set('status', 'failed');
    form.set('held', '');
    form.set('other', 'x');
    expect(paramsFromForm(form, ['status', 'held']).toString()).toBe('status=failed');
  });
});

describe('small words', () => {
  it('humanizes codes', () => {
    expect(humanize('reject_payment')).toBe('Reject payment');
    expect(humanize('risk_held_payment')).toBe('Risk held payment');
  });

  it('formats an age', () => {
    expect(formatAge(0)).toBe('0 s');
    expect(formatAge(125.7)).toBe('2 min 5 s');
    expect(formatAge(3 * 3600 + 20 * 60)).toBe('3 h 20 min');
    expect(formatAge(50 * 3600)).toBe('2 d 2 h');
  });

  it('shows the envelope’s message and code', () => {
    const error = new ApiError(409, 'PAYMENT_NOT_REFUNDABLE', 'This payment cannot be refunded.', { status: 'refunded' });
    expect(errorText(error)).toEqual({ message: 'This payment cannot be refunded.', code: 'PAYMENT_NOT_REFUNDABLE', fields: {} });
    const invalid = new ApiError(400, 'VALIDATION_ERROR', 'One or more fields are invalid.', { reason: ['Reason is required.'] });
    expect(errorText(invalid).fields).toEqual({ reason: ['Reason is required.'] });
    expect(errorText(new ApiError(0, 'NETWORK_ERROR', 'The connection failed.')).code).toBeNull();
    expect(errorText(new Error('boom')).message).toBe('Something went wrong.');
  });
});
