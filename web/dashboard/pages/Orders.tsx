/** Orders: to be built (issue 11). */
export default function Orders() {
  return (
    <section className="panel">
      <h1>Orders</h1>
      <p className="muted">Coming with the new dashboard.</p>
    </section>
  );
}
