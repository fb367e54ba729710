export default function GuestHistoryPage() {
  return <h1>GuestHistoryPage</h1>;
}
