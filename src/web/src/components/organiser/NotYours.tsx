import { Link } from 'react-router';
import { isPublic, type Campaign } from './campaigns';

/** Someone else's campaign opened at an organiser address: point to the public page instead. */
export function NotYours({ campaign }: { campaign: Campaign }) {
  return (
    <section className="page narrow">
      <h1>Not one of your campaigns</h1>
      <p>Only the organiser of “{campaign.title}” can manage it here.</p>
      <p className="row">
        {isPublic(campaign.status) && <Link to={`/campaigns/${campaign.id}`}>See its public page</Link>}
        <Link to="/me/campaigns">See your campaigns</Link>
      </p>
    </section>
  );
}
