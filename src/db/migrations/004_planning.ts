import type { Kysely } from 'kysely';
import type { DialectName } from '../database.ts';

/** Planning: the stored demand forecast of each SKU (one row per SKU, replaced on every run). */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const float = dialect === 'postgres' ? 'double precision' : 'real';
  await db.schema
    .createTable('forecasts')
    .addColumn('sku', 'text', (c) => c.primaryKey().references('products.sku'))
    .addColumn('granularity', 'text', (c) => c.notNull())
    .addColumn('season', 'integer', (c) => c.notNull())
    .addColumn('horizon', 'integer', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    // JSON as text, as everywhere: the demand class, the model's parameters, the forecast path with its
    // intervals, the lead-time demand distribution, the backtest accuracy (null when not backtested) and how
    // stock-outs and waitlist sign-ups entered the fit.
    .addColumn('demand_class', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('history_end', 'text', (c) => c.notNull())
    .addColumn('forecast', 'text', (c) => c.notNull())
    .addColumn('lead_time_demand', 'text')
    .addColumn('accuracy', 'text')
    .addColumn('lost_sales', float, (c) => c.notNull().defaultTo(0))
    .addColumn('censoring', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
}
