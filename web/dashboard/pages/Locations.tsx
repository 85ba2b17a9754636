/** Locations: to be built (issue 11). */
export default function Locations() {
  return (
    <section className="panel">
      <h1>Locations</h1>
      <p className="muted">Coming with the new dashboard.</p>
    </section>
  );
}
