/** Stock: to be built (issue 11). */
export default function Stock() {
  return (
    <section className="panel">
      <h1>Stock</h1>
      <p className="muted">Coming with the new dashboard.</p>
    </section>
  );
}
