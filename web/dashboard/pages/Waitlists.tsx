/** Waitlists: to be built (issue 11). */
export default function Waitlists() {
  return (
    <section className="panel">
      <h1>Waitlists</h1>
      <p className="muted">Coming with the new dashboard.</p>
    </section>
  );
}
