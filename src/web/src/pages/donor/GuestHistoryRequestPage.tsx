export default function GuestHistoryRequestPage() {
  return <h1>GuestHistoryRequestPage</h1>;
}
