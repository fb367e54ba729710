import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorState, Loading } from '../../components/States';
import { ApiError } from '../../lib/api';
import { CampaignEditor } from '../../components/organiser/CampaignEditor';
import { CampaignFacts } from '../../components/organiser/CampaignFacts';
import { editableFields, mayManage, organiserApi, statusText } from '../../components/organiser/campaigns';
import { organiserKeys, privateMeta } from '../../components/organiser/queries';
import { StatusBadge } from '../../components/organiser/StatusBadge';
import { NotYours } from '../../components/organiser/NotYours';
import { useAuth } from '../../lib/auth';
import '../../components/organiser/organiser.css';

export default function CampaignEditorPage() {
  const { id } = useParams();
  return id ? <EditCampaign id={id} /> : <NewCampaign />;
}

function NewCampaign() {
  return (
    <section className="page narrow">
      <h1>Start a campaign</h1>
      <p className="muted">
        Tell donors who needs help and how much is needed. An admin reviews each campaign before it goes live. Fields are required unless marked
        optional.
      </p>
      <CampaignEditor />
    </section>
  );
}

function EditCampaign({ id }: { id: string }) {
  const { user } = useAuth();
  const location = useLocation();
  const justSaved = (location.state as { notice?: string } | null)?.notice === 'saved';
  const campaign = useQuery({ queryKey: organiserKeys.campaign(id), queryFn: () => organiserApi.get(id), meta: privateMeta });

  if (campaign.isPending) {
    return (
      <section className="page narrow">
        <h1>Edit campaign</h1>
        <Loading />
      </section>
    );
  }
  if (campaign.isError) {
    const missing = campaign.error instanceof ApiError && (campaign.error.status === 404 || campaign.error.status === 400);
    return (
      <section className="page narrow">
        <h1>{missing ? 'Campaign not found' : 'Edit campaign'}</h1>
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

  const data = campaign.data;
  if (!mayManage(data, user)) return <NotYours campaign={data} />;
  const editable = editableFields(data.status).length > 0;
  return (
    <section className="page narrow">
      <h1>{editable ? 'Edit campaign' : 'Campaign details'}</h1>
      <p className="row">
        <StatusBadge status={data.status} />
        <span className="muted">{statusText(data.status).help}</span>
      </p>
      {editable ? (
        // Keyed by the stored version: a save that changes the campaign starts the editor from the saved one.
        <CampaignEditor key={data.id} campaign={data} justSaved={justSaved} />
      ) : (
        <>
          <p className="alert info">This campaign is {statusText(data.status).label.toLowerCase()} and can no longer be edited.</p>
          <CampaignFacts campaign={data} />
          <p>
            <Link to={`/me/campaigns/${data.id}`}>Back to the campaign</Link>
          </p>
        </>
      )}
    </section>
  );
}
