import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorState, Loading } from '../States';
import { ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { mayManage, organiserApi, type Campaign } from './campaigns';
import { organiserKeys, privateMeta } from './queries';
import { NotYours } from './NotYours';

/**
 * Loads one of the signed-in organiser's campaigns and shows its page only to someone who may manage it; loading,
 * not-found and someone else's campaign look the same on every organiser page.
 */
export function OwnCampaign({
  id,
  heading,
  className = 'page',
  children,
}: {
  id: string;
  heading: string;
  className?: string;
  children: (campaign: Campaign) => ReactNode;
}) {
  const { user } = useAuth();
  const campaign = useQuery({ queryKey: organiserKeys.campaign(id), queryFn: () => organiserApi.get(id), meta: privateMeta });

  if (campaign.isPending) {
    return (
      <section className={className}>
        <h1>{heading}</h1>
        <Loading />
      </section>
    );
  }
  if (campaign.isError) {
    const missing = campaign.error instanceof ApiError && (campaign.error.status === 404 || campaign.error.status === 400);
    return (
      <section className={className}>
        <h1>{missing ? 'Campaign not found' : heading}</h1>
        {missing ? (
          <p>
            No campaign of yours has this address. <Link to="/me/campaigns">See your campaigns</Link>
          </p>
        ) : (
          <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />
        )}
      </section>
    );
  }
  if (!mayManage(campaign.data, user)) return <NotYours campaign={campaign.data} />;
  return <>{children(campaign.data)}</>;
}
