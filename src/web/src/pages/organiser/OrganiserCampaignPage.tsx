export default function OrganiserCampaignPage() {
  return <h1>OrganiserCampaignPage</h1>;
}
