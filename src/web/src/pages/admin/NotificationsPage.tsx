import { useId, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { Empty, QueryStates } from '../../components/States';
import { Pager } from '../../components/Pager';
import { Filters, SelectFilter } from './Filters';
import { useAnnouncer, useFocusRescue } from './hooks';
import { humanize, notificationsQuery, SEVERITIES, withParam } from './helpers';
import { Badge, ErrorAlert, PageTitle, StatusMessage } from './ui';
import type { SystemNotification } from './types';

const READ_OPTIONS = [{ value: 'true', label: 'Unread only' }];
const SEVERITY_OPTIONS = SEVERITIES.map((severity) => ({ value: severity, label: humanize(severity) }));

export default function NotificationsPage() {
  const { number } = useI18n();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [params, setParams] = useSearchParams();
  const query = notificationsQuery(params);
  const [message, announce] = useAnnouncer();

  const notifications = useQuery({
    queryKey: ['admin', 'notifications', query],
    queryFn: ({ signal }) => api.page<SystemNotification>('/api/admin/notifications', { query, signal }),
    meta: { private: true },
  });
  const keepFocus = useFocusRescue(heading, notifications.data);

  const markRead = useMutation({
    mutationFn: (notification: SystemNotification) => api.patch<SystemNotification>(`/api/admin/notifications/${notification.id}/read`, undefined),
    onSuccess: async (_result, notification) => {
      keepFocus();
      announce(`Marked “${notification.title}” as read.`);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'notifications'] });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'dashboard'] });
    },
  });

  const items = notifications.data?.items ?? [];
  const pagination = notifications.data?.pagination;

  return (
    <section className="admin-page">
      <PageTitle ref={heading}>Notifications</PageTitle>
      <p className="muted">System alerts: payments held for their risk, money found by reconciliation, undeliverable mail, dead letters.</p>
      <Filters label="Filter notifications" keys={['unread', 'severity']}>
        <SelectFilter name="unread" label="Read state" options={READ_OPTIONS} anyLabel="All" />
        <SelectFilter name="severity" label="Severity" options={SEVERITY_OPTIONS} />
      </Filters>
      <StatusMessage message={message} />
      {markRead.isError && <ErrorAlert error={markRead.error} />}

      <QueryStates
        query={notifications}
        isEmpty={() => items.length === 0}
        empty={
          <Empty>
            <p>{query.unread ? 'No unread notifications.' : 'No notifications match these filters.'}</p>
          </Empty>
        }
      >
        {() => (
          <>
            <p className="muted">{pagination && `${number(pagination.total)} notifications, newest first.`}</p>
            <ul className="a-notification-list">
              {items.map((notification) => (
                <li key={notification.id}>
                  <NotificationItem
                    notification={notification}
                    busy={markRead.isPending && markRead.variables?.id === notification.id}
                    onRead={() => markRead.mutate(notification)}
                  />
                </li>
              ))}
            </ul>
            {pagination && <Pager pagination={pagination} onPage={(p) => setParams(withParam(params, 'page', p))} />}
          </>
        )}
      </QueryStates>
    </section>
  );
}

function NotificationItem({ notification, busy, onRead }: { notification: SystemNotification; busy: boolean; onRead: () => void }) {
  const { dateTime } = useI18n();
  const titleId = useId();
  const metadata = Object.entries(notification.metadata ?? {});
  return (
    <article className={notification.isRead ? 'card a-notification a-read' : 'card a-notification a-unread'} aria-labelledby={titleId} data-testid="notification-item">
      <div className="row">
        <Badge tone={`severity-${notification.severity}`}>{humanize(notification.severity)}</Badge>
        <span className="muted">{humanize(notification.category)}</span>
        <span className="muted">{dateTime(notification.createdAt)}</span>
      </div>
      <h2 id={titleId}>{notification.title}</h2>
      <p className="a-prewrap">{notification.message}</p>
      {metadata.length > 0 && (
        <dl className="a-facts a-compact">
          {metadata.map(([key, value]) => (
            <div key={key}>
              <dt>{humanize(key)}</dt>
              <dd className="a-break">{typeof value === 'object' ? JSON.stringify(value) : String(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="row">
        {notification.isRead ? (
          <p className="muted">Read {notification.readAt ? dateTime(notification.readAt) : ''}</p>
        ) : (
          <>
            <p>
              <strong>Unread</strong>
            </p>
            <button type="button" className="button secondary a-small" aria-describedby={titleId} disabled={busy} onClick={onRead}>
              Mark as read
            </button>
          </>
        )}
      </div>
    </article>
  );
}
