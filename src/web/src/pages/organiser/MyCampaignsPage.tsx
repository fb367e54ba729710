export default function MyCampaignsPage() {
  return <h1>MyCampaignsPage</h1>;
}
