/** Locations known to every process: read once, reloaded when any process changes one. */
import type { Database, Q, Tx } from '../db/database.ts';
import type { Location } from './model.ts';
import { listLocations } from './store.ts';

export const LOCATIONS_CHANNEL = 'restock_locations';

export class LocationDirectory {
  private cached: Map<string, Location> | null = null;
  private generation = 0;

  constructor(private readonly db: Database) {}

  async start(): Promise<void> {
    await this.db.subscribe(LOCATIONS_CHANNEL, () => this.invalidate());
  }

  invalidate(): void {
    this.generation++;
    this.cached = null;
  }

  /** Inside a transaction pass it: SQLite has one connection, and the transaction holds it. */
  async map(q: Q | Tx = this.db.kysely): Promise<ReadonlyMap<string, Location>> {
    if (this.cached) return this.cached;
    const gen = this.generation;
    const list = await listLocations(q);
    const m = new Map(list.map((l) => [l.code, l]));
    if (gen === this.generation) this.cached = m;
    return m;
  }
}
