// One service process for the failover race (test/failover.race.test.ts): opens Restock on the database named
// by argv[2] with its clock at argv[3], waits for "go" on stdin, then runs what argv[4] says at once:
//   sweep LINE      three sweeps and a direct re-sourcing of LINE for an acknowledgement timeout
//   rejected LINE   the failover reactor (runReactors) and a direct re-sourcing of LINE as rejected
// and prints the decisions it made as one JSON line.
import { Restock } from '../../src/restock.ts';
import { ManualClock } from '../../src/core/clock.ts';

const [url, at, mode, lineId] = process.argv.slice(2) as [string, string, string, string];
const r = await Restock.open({ databaseUrl: url, clock: new ManualClock(at), migrate: false });
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  void (async () => {
    const made: unknown[] = [];
    if (mode === 'sweep') {
      const out = await Promise.all([r.failover.sweep(), r.failover.resourceLine(lineId, 'ack_timeout'), r.failover.sweep(), r.failover.sweep()]);
      made.push(...out);
    } else {
      const out = await Promise.all([r.runReactors(), r.failover.resourceLine(lineId, 'rejected')]);
      made.push(...out);
    }
    process.stdout.write(`${JSON.stringify(made)}\n`);
    await r.close();
    process.exit(0);
  })().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
});
