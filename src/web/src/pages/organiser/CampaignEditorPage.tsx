export default function CampaignEditorPage() {
  return <h1>CampaignEditorPage</h1>;
}
