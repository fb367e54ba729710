export default function DonatePage() {
  return <h1>DonatePage</h1>;
}
