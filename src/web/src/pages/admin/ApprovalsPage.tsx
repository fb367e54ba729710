import { useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { Empty, QueryStates } from '../../components/States';
import { Pager } from '../../components/Pager';
import { ConfirmDialog } from './ConfirmDialog';
import { useAnnouncer, useFocusRescue } from './hooks';
import { campaignTypeLabel, PAGE_SIZE, readPage, withParam } from './helpers';
import { Id, PageTitle, ReasonField, StatusMessage } from './ui';
import type { Campaign } from './types';

type Decision = { kind: 'approve' | 'reject'; campaign: Campaign };

/** Drafts are the approval queue: a campaign is a draft from its creation until an admin approves or rejects it. */
export default function ApprovalsPage() {
  const { money, number } = useI18n();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [params, setParams] = useSearchParams();
  const page = readPage(params);
  const [message, announce] = useAnnouncer();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');

  const queue = useQuery({
    queryKey: ['admin', 'campaigns', { status: 'draft', page }],
    queryFn: ({ signal }) => api.page<Campaign>('/api/admin/campaigns', { query: { status: 'draft', page, limit: PAGE_SIZE }, signal }),
    meta: { private: true },
  });
  const keepFocus = useFocusRescue(heading, queue.data);

  const decide = useMutation({
    mutationFn: ({ kind, campaign, reason }: Decision & { reason: string }) =>
      kind === 'approve'
        ? api.patch<Campaign>(`/api/admin/campaigns/${campaign.id}/approve`, {})
        : api.patch<Campaign>(`/api/admin/campaigns/${campaign.id}/reject`, { reason }),
  });

  function open(kind: Decision['kind'], campaign: Campaign) {
    decide.reset();
    setReason('');
    setDecision({ kind, campaign });
  }

  async function confirm() {
    if (!decision) return;
    const { kind, campaign } = decision;
    await decide.mutateAsync({ kind, campaign, reason: reason.trim() });
    setDecision(null);
    keepFocus();
    announce(kind === 'approve' ? `Approved “${campaign.title}”. It is now active and public.` : `Rejected “${campaign.title}”. The organiser sees it as cancelled with your reason.`);
    await queryClient.invalidateQueries({ queryKey: ['admin'] });
  }

  const items = queue.data?.items ?? [];
  const pagination = queue.data?.pagination;
  const fieldErrors = decide.error instanceof ApiError ? decide.error.fieldErrors : {};

  return (
    <section className="admin-page">
      <PageTitle ref={heading}>Approvals</PageTitle>
      <p className="muted">New campaigns wait here as drafts until you approve them (they go live) or reject them with a reason.</p>
      <StatusMessage message={message} />
      <QueryStates
        query={queue}
        isEmpty={() => items.length === 0}
        empty={
          page > 1 ? (
            <Empty>
              <p>No campaigns on this page.</p>
              <button type="button" className="button secondary" onClick={() => setParams(withParam(params, 'page', null))}>
                Back to the first page
              </button>
            </Empty>
          ) : (
            <Empty>
              <p>No campaigns are waiting for approval.</p>
            </Empty>
          )
        }
      >
        {() => (
          <>
            <p className="muted">{pagination && `${number(pagination.total)} waiting for approval, oldest last.`}</p>
            <ul className="a-approval-list">
              {items.map((campaign) => (
                <li key={campaign.id}>
                  <ApprovalItem campaign={campaign} money={money} onDecide={open} />
                </li>
              ))}
            </ul>
            {pagination && <Pager pagination={pagination} onPage={(p) => setParams(withParam(params, 'page', p))} />}
          </>
        )}
      </QueryStates>

      <ConfirmDialog
        open={decision !== null}
        title={decision?.kind === 'reject' ? 'Reject this campaign?' : 'Approve this campaign?'}
        confirmLabel={decision?.kind === 'reject' ? 'Confirm rejection' : 'Confirm approval'}
        danger={decision?.kind === 'reject'}
        error={decide.error}
        inlineFields={['reason']}
        onCancel={() => setDecision(null)}
        onConfirm={confirm}
      >
        {decision && (
          <>
            <p>
              <strong>{decision.campaign.title}</strong> — goal {money(decision.campaign.goalAmount, decision.campaign.currency)},{' '}
              {campaignTypeLabel(decision.campaign.campaignType).toLowerCase()}.
            </p>
            {decision.kind === 'approve' ? (
              <p>It becomes active at once: public, and open for donations.</p>
            ) : (
              <>
                <p>It is cancelled and cannot be reopened; the organiser sees your reason.</p>
                <ReasonField label="Reason for rejection" value={reason} onChange={setReason} required maxLength={500} error={fieldErrors.reason} />
              </>
            )}
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}

function ApprovalItem({
  campaign,
  money,
  onDecide,
}: {
  campaign: Campaign;
  money: (amount: number, currency?: string) => string;
  onDecide: (kind: Decision['kind'], campaign: Campaign) => void;
}) {
  const { dateTime } = useI18n();
  const titleId = useId();
  return (
    <article className="card a-approval" aria-labelledby={titleId} data-testid="approval-item">
      <h2 id={titleId}>{campaign.title}</h2>
      <dl className="a-facts">
        <div>
          <dt>Organiser</dt>
          <dd>
            <Id value={campaign.organizerId} />
          </dd>
        </div>
        <div>
          <dt>Goal</dt>
          <dd>{money(campaign.goalAmount, campaign.currency)}</dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>{campaignTypeLabel(campaign.campaignType)}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{dateTime(campaign.createdAt)}</dd>
        </div>
        <div>
          <dt>Ends</dt>
          <dd>{campaign.endDate ? dateTime(campaign.endDate) : 'No end date'}</dd>
        </div>
        {campaign.beneficiaryName && (
          <div>
            <dt>Beneficiary</dt>
            <dd>{campaign.beneficiaryName}</dd>
          </div>
        )}
      </dl>
      <details>
        <summary>Description</summary>
        <p className="a-prewrap">{campaign.description}</p>
        {campaign.beneficiaryDetails && <p className="a-prewrap">{campaign.beneficiaryDetails}</p>}
        <p>
          <Link to={`/campaigns/${campaign.id}`}>Open the campaign page</Link>
        </p>
      </details>
      <div className="row a-actions">
        <button type="button" className="button" aria-describedby={titleId} onClick={() => onDecide('approve', campaign)}>
          Approve
        </button>
        <button type="button" className="button danger" aria-describedby={titleId} onClick={() => onDecide('reject', campaign)}>
          Reject
        </button>
      </div>
    </article>
  );
}
