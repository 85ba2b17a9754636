/** Overview: to be built (issue 11). */
export default function Overview() {
  return (
    <section className="panel">
      <h1>Overview</h1>
      <p className="muted">Coming with the new dashboard.</p>
    </section>
  );
}
