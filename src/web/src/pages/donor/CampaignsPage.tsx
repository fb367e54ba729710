export default function CampaignsPage() {
  return <h1>CampaignsPage</h1>;
}
