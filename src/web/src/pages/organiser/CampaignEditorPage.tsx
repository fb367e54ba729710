import { Link, useLocation, useParams } from 'react-router';
import { CampaignEditor } from '../../components/organiser/CampaignEditor';
import { CampaignFacts } from '../../components/organiser/CampaignFacts';
import { editableFields, statusText, type Campaign } from '../../components/organiser/campaigns';
import { StatusBadge } from '../../components/organiser/StatusBadge';
import { OwnCampaign } from '../../components/organiser/OwnCampaign';
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
  const location = useLocation();
  const justSaved = (location.state as { notice?: string } | null)?.notice === 'saved';
  return (
    <OwnCampaign id={id} heading="Edit campaign" className="page narrow">
      {(data) => <EditCampaignForm data={data} justSaved={justSaved} />}
    </OwnCampaign>
  );
}

function EditCampaignForm({ data, justSaved }: { data: Campaign; justSaved: boolean }) {
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
