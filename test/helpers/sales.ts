/** Synthetic sales history written straight to the ledger, as the demo seed does (tests of planning). */
import { seededRandom } from '../../src/core/random.ts';
import type { Restock } from '../../src/restock.ts';

/**
 * Daily Poisson sales of one SKU at WH1 (weekends busier), restocked every Monday to three weeks of demand, with
 * an optional stock-out spell [from, to) (stock written off, no receipts). Returns units sold and the demand
 * that went unmet.
 */
export async function seedHistory(
  restock: Restock,
  sku: string,
  opts: { first: string; days: number; level: number; spell?: [number, number]; leadTimeDays?: number; seed?: number },
): Promise<{ sold: number; lostTrue: number }> {
  await restock.inventory.upsertLocation({ code: 'WH1', name: 'Warehouse 1', type: 'warehouse', priority: 1, region: 'EU' });
  await restock.catalog.upsert({ sku, title: `Product ${sku}`, price: '10.00', policy: { leadTimeDays: opts.leadTimeDays ?? null } });
  const random = seededRandom(opts.seed ?? 7);
  const poisson = (l: number) => {
    let k = 0;
    let p = 1;
    const limit = Math.exp(-l);
    do {
      k++;
      p *= random();
    } while (p > limit);
    return k - 1;
  };
  const t0 = Date.parse(`${opts.first}T00:00:00.000Z`);
  type Row = { sku: string; location: string; type: string; quantity: number; on_hand_delta: number; reserved_delta: number; committed_delta: number; reason: string; reference: string; created_at: string };
  const rows: Row[] = [];
  const row = (day: string, time: string, type: string, q: number, onHand: number, committed: number): void => {
    rows.push({ sku, location: 'WH1', type, quantity: q, on_hand_delta: onHand, reserved_delta: 0, committed_delta: committed, reason: type, reference: `${type}-${day}`, created_at: `${day}T${time}.000Z` });
  };
  let onHand = 0;
  let sold = 0;
  let lostTrue = 0;
  const [from, to] = opts.spell ?? [-1, -1];
  for (let d = 0; d < opts.days; d++) {
    const date = new Date(t0 + d * 86_400_000);
    const day = date.toISOString().slice(0, 10);
    const dow = date.getUTCDay();
    const inSpell = d >= from && d < to;
    // Restocked every Monday up to three weeks of demand, except through the spell (a supplier outage).
    if (dow === 1 && !inSpell) {
      const q = Math.max(0, Math.ceil(opts.level * 21) - onHand);
      if (q > 0) {
        row(day, '07:30:00', 'receipt', q, q, 0);
        onHand += q;
      }
    }
    if (d === from && onHand > 0) {
      row(day, '06:00:00', 'adjustment', onHand, -onHand, 0);
      onHand = 0;
    }
    const demand = poisson(opts.level * (dow === 6 || dow === 0 ? 1.3 : 0.88));
    const q = Math.min(demand, onHand);
    lostTrue += demand - q;
    if (q > 0) {
      row(day, '12:00:00', 'commit', q, 0, q);
      row(day, '17:00:00', 'shipment', q, -q, -q);
      onHand -= q;
      sold += q;
    }
  }
  for (let i = 0; i < rows.length; i += 500) await restock.db.kysely.insertInto('ledger').values(rows.slice(i, i + 500)).execute();
  return { sold, lostTrue };
}
