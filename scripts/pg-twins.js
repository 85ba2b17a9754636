// A node:test reporter for scripts/test.js when PostgreSQL is not reachable: counts the PostgreSQL tests that
// did not run. Dialect loops (test/helpers/db.ts) give every database suite one body and a name ending in the
// dialect, so each test that ran inside a "… (sqlite)" suite has a PostgreSQL twin that was left out; suites
// and tests skipped with a reason that names PostgreSQL count as well. Prints the total alone.
export default async function* pgTwins(source) {
  // Per file, per nesting level: tests finished at that level not yet claimed by their enclosing suite (a
  // suite is reported after its children).
  const pending = new Map();
  let twins = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { name, nesting, file, skip, details } = event.data;
    const levels = pending.get(file) ?? [];
    pending.set(file, levels);
    if (typeof skip === 'string' && /postgres/i.test(skip)) {
      twins++;
      continue;
    }
    if (details?.type !== 'suite') {
      levels[nesting] = (levels[nesting] ?? 0) + 1;
      continue;
    }
    const inside = levels[nesting + 1] ?? 0;
    levels[nesting + 1] = 0;
    if (name.endsWith('(sqlite)')) twins += inside;
    else levels[nesting] = (levels[nesting] ?? 0) + inside;
  }
  yield `${twins}\n`;
}
