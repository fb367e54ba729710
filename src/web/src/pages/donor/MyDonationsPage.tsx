export default function MyDonationsPage() {
  return <h1>MyDonationsPage</h1>;
}
