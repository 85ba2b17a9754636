/** Messages: to be built (issue 11). */
export default function Messages() {
  return (
    <section className="panel">
      <h1>Messages</h1>
      <p className="muted">Coming with the new dashboard.</p>
    </section>
  );
}
