export default function DonationResultPage() {
  return <h1>DonationResultPage</h1>;
}
