/** Pure decisions of the overview: how the stock table filters, sorts and pages, and days of cover. */
import type { AvailabilityStatus } from '../inventory/model.ts';
import type { DemandForecast, StockPage, StockQuery, StockRow, StockSort } from './model.ts';

/**
 * The order `sort=status` puts statuses in (ascending): what needs the operator first. The compiler checks that
 * every status has a place.
 */
export const STATUS_URGENCY: Record<AvailabilityStatus, number> = {
  out_of_stock: 0,
  backorder: 1,
  low_stock: 2,
  preorder: 3,
  in_stock: 4,
  discontinued: 5,
};

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Compares by the sort key; nulls (untracked stock: no limit) after every number whichever the order. */
function compareBy(sort: StockSort): (a: StockRow, b: StockRow) => number {
  switch (sort) {
    case 'sku':
      return (a, b) => text(a.sku, b.sku);
    case 'title':
      return (a, b) => text(a.title.toLowerCase(), b.title.toLowerCase());
    case 'status':
      return (a, b) => STATUS_URGENCY[a.status] - STATUS_URGENCY[b.status];
    default:
      return (a, b) => (a[sort] ?? Number.POSITIVE_INFINITY) - (b[sort] ?? Number.POSITIVE_INFINITY);
  }
}

export function matchesStock(row: StockRow, query: Pick<StockQuery, 'q' | 'statuses' | 'category'>): boolean {
  if (query.category !== undefined && row.category !== query.category) return false;
  if (query.statuses !== undefined && query.statuses.length > 0 && !query.statuses.includes(row.status)) return false;
  if (query.q !== undefined && query.q !== '') {
    const needle = query.q.toLowerCase();
    if (!row.sku.toLowerCase().includes(needle) && !row.title.toLowerCase().includes(needle)) return false;
  }
  return true;
}

/**
 * Filters, sorts (ties by SKU, so pages never overlap or skip) and pages the stock table; `total` counts every
 * match, not only the page.
 */
export function selectStock(rows: readonly StockRow[], query: StockQuery): StockPage {
  const matching = rows.filter((r) => matchesStock(r, query));
  const cmp = compareBy(query.sort);
  const dir = query.order === 'desc' ? -1 : 1;
  const untracked = (r: StockRow) => query.sort === 'availableToSell' && r.availableToSell === null;
  matching.sort((a, b) => {
    // Untracked stock has no number to sort by: always last.
    const ua = untracked(a);
    const ub = untracked(b);
    if (ua !== ub) return ua ? 1 : -1;
    return dir * cmp(a, b) || text(a.sku, b.sku);
  });
  return { items: matching.slice(query.offset, query.offset + query.limit), total: matching.length };
}

const PERIOD_DAYS: Record<DemandForecast['granularity'], number> = { day: 1, week: 7, month: 365.25 / 12 };

/**
 * Days the units available to sell last at the forecast's mean demand (averaged over its horizon), to one
 * decimal; null when the forecast expects no demand.
 */
export function daysOfCover(availableToSell: number, forecast: DemandForecast): number | null {
  const periods = forecast.mean.length;
  if (periods === 0) return null;
  const units = forecast.mean.reduce((s, m) => s + Math.max(0, m), 0);
  const perDay = units / (periods * PERIOD_DAYS[forecast.granularity]);
  if (!(perDay > 0)) return null;
  return Math.round((availableToSell / perDay) * 10) / 10;
}

/** Whole days from an expected date to today (both YYYY-MM-DD). */
export function daysLate(expected: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${expected}T00:00:00Z`)) / 86_400_000);
}
