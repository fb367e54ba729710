import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { Empty, QueryStates } from '../../components/States';
import { Pager } from '../../components/Pager';
import { ConfirmDialog } from './ConfirmDialog';
import { Filters, SelectFilter, TextFilter } from './Filters';
import { useAnnouncer, useFocusRescue } from './hooks';
import { personName, usersQuery, withParam } from './helpers';
import { Badge, PageTitle, ReasonField, StatusMessage } from './ui';
import type { AdminUser } from './types';

type Change = { status: 'suspended' | 'active'; user: AdminUser };

const STATUS_OPTIONS = [
  { value: 'active', label: 'Active' },
  { value: 'suspended', label: 'Suspended' },
];
const ROLE_OPTIONS = [
  { value: 'USER', label: 'User' },
  { value: 'ADMIN', label: 'Admin' },
];

export default function UsersPage() {
  const { number, date, dateTime } = useI18n();
  const { user: me } = useAuth();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [params, setParams] = useSearchParams();
  const query = usersQuery(params);
  const [message, announce] = useAnnouncer();
  const [change, setChange] = useState<Change | null>(null);
  const [reason, setReason] = useState('');

  const users = useQuery({
    queryKey: ['admin', 'users', query],
    queryFn: ({ signal }) => api.page<AdminUser>('/api/admin/users', { query, signal }),
    meta: { private: true },
  });
  const keepFocus = useFocusRescue(heading, users.data);

  const setStatus = useMutation({
    mutationFn: ({ user, status, reason }: Change & { reason: string }) =>
      api.patch<unknown>(`/api/admin/users/${user.id}/status`, { status, reason: reason || undefined }),
  });

  function open(status: Change['status'], user: AdminUser) {
    setStatus.reset();
    setReason('');
    setChange({ status, user });
  }

  async function confirm() {
    if (!change) return;
    await setStatus.mutateAsync({ ...change, reason: reason.trim() });
    setChange(null);
    keepFocus();
    const who = personName(change.user) || change.user.email;
    announce(change.status === 'suspended' ? `Suspended ${who}. They are signed out and cannot sign in.` : `Reactivated ${who}. They can sign in again.`);
    await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
  }

  const items = users.data?.items ?? [];
  const pagination = users.data?.pagination;
  const fieldErrors = setStatus.error instanceof ApiError ? setStatus.error.fieldErrors : {};
  const suspending = change?.status === 'suspended';

  return (
    <section className="admin-page">
      <PageTitle ref={heading}>Users</PageTitle>
      <Filters label="Filter users" keys={['search', 'status', 'role']}>
        <TextFilter name="search" label="Search" hint="Email, first, last or full name." />
        <SelectFilter name="status" label="Status" options={STATUS_OPTIONS} />
        <SelectFilter name="role" label="Role" options={ROLE_OPTIONS} />
      </Filters>
      <StatusMessage message={message} />

      <QueryStates
        query={users}
        isEmpty={() => items.length === 0}
        empty={
          <Empty>
            <p>No users match these filters.</p>
          </Empty>
        }
      >
        {() => (
          <>
            <p className="muted">{pagination && `${number(pagination.total)} users, newest first.`}</p>
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">Users, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
                    <th scope="col">Email verified</th>
                    <th scope="col">Joined</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((user) => {
                    const name = personName(user);
                    const self = me?.id === user.id;
                    return (
                      <tr key={user.id}>
                        <th scope="row">
                          {name || <span className="muted">No name</span>}
                          {self && <span className="muted"> (you)</span>}
                        </th>
                        <td className="a-break">{user.email}</td>
                        <td>{user.role === 'ADMIN' ? 'Admin' : 'User'}</td>
                        <td>
                          {user.isActive ? (
                            <Badge tone="active">Active</Badge>
                          ) : (
                            <>
                              <Badge tone="suspended">Suspended</Badge>
                              {user.suspendedAt && <p className="muted a-small">since {dateTime(user.suspendedAt)}</p>}
                            </>
                          )}
                        </td>
                        <td>{user.emailVerified ? 'Yes' : 'No'}</td>
                        <td>{date(user.createdAt)}</td>
                        <td>
                          {self ? (
                            <span className="muted">—</span>
                          ) : user.isActive ? (
                            <button type="button" className="button danger a-small" aria-label={`Suspend ${name || user.email}`} onClick={() => open('suspended', user)}>
                              Suspend
                            </button>
                          ) : (
                            <button type="button" className="button secondary a-small" aria-label={`Reactivate ${name || user.email}`} onClick={() => open('active', user)}>
                              Reactivate
                            </button>
                          )}
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
      </QueryStates>

      <ConfirmDialog
        open={change !== null}
        title={suspending ? 'Suspend this user?' : 'Reactivate this user?'}
        confirmLabel={suspending ? 'Confirm suspension' : 'Confirm reactivation'}
        danger={suspending}
        error={setStatus.error}
        inlineFields={['reason']}
        onCancel={() => setChange(null)}
        onConfirm={confirm}
      >
        {change && (
          <>
            <p>
              <strong>{personName(change.user) || change.user.email}</strong> ({change.user.email})
            </p>
            <p>
              {suspending
                ? 'They are signed out everywhere at once and cannot sign in until reactivated.'
                : 'They can sign in again straight away.'}
            </p>
            <ReasonField
              label={suspending ? 'Reason for suspension' : 'Reason for reactivation'}
              value={reason}
              onChange={setReason}
              required={suspending}
              maxLength={500}
              error={fieldErrors.reason}
            />
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}
