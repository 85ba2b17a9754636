/** Webhooks: to be built (issue 11). */
export default function Webhooks() {
  return (
    <section className="panel">
      <h1>Webhooks</h1>
      <p className="muted">Coming with the new dashboard.</p>
    </section>
  );
}
