import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { Empty, ErrorState, Loading } from '../../components/States';
import { Pager } from '../../components/Pager';
import { Filters, SelectFilter, TextFilter } from './Filters';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  AUDIT_FILTER_KEYS,
  auditChange,
  auditFilterFromParams,
  auditFilterProblems,
  auditQuery,
  humanize,
  withParam,
} from './helpers';
import { Id, PageTitle } from './ui';
import type { AuditEntry } from './types';

const ACTION_OPTIONS = AUDIT_ACTIONS.map((action) => ({ value: action, label: humanize(action) }));
const TYPE_OPTIONS = AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: humanize(type) }));

export default function AuditLogPage() {
  const { number, dateTime } = useI18n();
  const { user: me } = useAuth();
  const [params, setParams] = useSearchParams();
  const filter = auditFilterFromParams(params);
  const problems = auditFilterProblems(filter);
  const valid = Object.keys(problems).length === 0;
  const query = auditQuery(filter);

  const log = useQuery({
    queryKey: ['admin', 'audit-logs', query],
    queryFn: ({ signal }) => api.page<AuditEntry>('/api/admin/audit-logs', { query, signal }),
    meta: { private: true },
    enabled: valid,
  });

  // The API's own field messages (details.adminId, details.to…) go next to the filter they are about.
  const serverErrors = log.error instanceof ApiError ? log.error.fieldErrors : {};
  const errorFor = (key: (typeof AUDIT_FILTER_KEYS)[number]) => problems[key] ?? serverErrors[key]?.join(' ');
  const items = log.data?.items ?? [];
  const pagination = log.data?.pagination;

  return (
    <section className="admin-page">
      <PageTitle>Audit log</PageTitle>
      <p className="muted">Every admin action, newest first. Entries appear about a second after the action.</p>
      <Filters label="Filter the audit log" keys={AUDIT_FILTER_KEYS}>
        <SelectFilter name="action" label="Action" options={ACTION_OPTIONS} />
        <TextFilter name="adminId" label="Admin id" type="text" hint="The acting admin’s full id." error={errorFor('adminId')} maxLength={36} />
        <SelectFilter name="entityType" label="Target type" options={TYPE_OPTIONS} />
        <TextFilter name="entityId" label="Target id" type="text" hint="The campaign’s, user’s or payment’s full id." error={errorFor('entityId')} maxLength={36} />
        <TextFilter name="from" label="From (date)" type="date" hint="From the start of this day, Dhaka time." error={errorFor('from')} />
        <TextFilter name="to" label="To (date)" type="date" hint="Up to the end of this day, Dhaka time." error={errorFor('to')} />
      </Filters>

      {!valid ? (
        <div className="alert error" role="alert">
          Fix the filters above to see the audit log.
        </div>
      ) : log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : items.length === 0 ? (
        <Empty>
          <p>No audit entries match these filters.</p>
        </Empty>
      ) : (
        <>
          <div className="row">
            <p className="muted">{pagination && `${number(pagination.total)} entries, newest first.`}</p>
            <button type="button" className="button secondary a-small" onClick={() => void log.refetch()}>
              Refresh list
            </button>
          </div>
          <div className="table-scroll">
            <table className="a-audit-table">
              <caption className="visually-hidden">Audit log entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Action</th>
                  <th scope="col">Admin</th>
                  <th scope="col">Target</th>
                  <th scope="col">Change</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {items.map((entry) => {
                  const reason = typeof entry.details?.reason === 'string' ? entry.details.reason : null;
                  return (
                    <tr key={entry.id} data-testid="audit-row">
                      <td className="a-when">{dateTime(entry.createdAt)}</td>
                      <th scope="row">{humanize(entry.action)}</th>
                      <td>
                        <Link to={`?${new URLSearchParams({ adminId: entry.adminId }).toString()}`} title="Show only this admin’s actions">
                          <Id value={entry.adminId} />
                        </Link>
                        {me?.id === entry.adminId && <span className="muted"> (you)</span>}
                      </td>
                      <td>
                        {humanize(entry.entityType)}{' '}
                        <Link
                          to={`?${new URLSearchParams({ entityType: entry.entityType, entityId: entry.entityId }).toString()}`}
                          title="Show only this target’s entries"
                        >
                          <Id value={entry.entityId} />
                        </Link>
                      </td>
                      <td>{auditChange(entry.details) || <span className="muted">—</span>}</td>
                      <td className="a-prewrap">{reason || <span className="muted">—</span>}</td>
                      <td>
                        <details>
                          <summary>More</summary>
                          <dl className="a-facts a-compact">
                            <div>
                              <dt>Recorded</dt>
                              <dd>{dateTime(entry.recordedAt)}</dd>
                            </div>
                            <div>
                              <dt>Event</dt>
                              <dd>{entry.eventType}</dd>
                            </div>
                            {entry.ipAddress && (
                              <div>
                                <dt>IP address</dt>
                                <dd>{entry.ipAddress}</dd>
                              </div>
                            )}
                            {entry.userAgent && (
                              <div>
                                <dt>Browser</dt>
                                <dd className="a-break">{entry.userAgent}</dd>
                              </div>
                            )}
                          </dl>
                          {entry.details && <pre className="a-json">{JSON.stringify(entry.details, null, 2)}</pre>}
                        </details>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {pagination && <Pager pagination={pagination} onPage={(p) => setParams(withParam(params, 'page', p))} />}
        </>
      )}
    </section>
  );
}
