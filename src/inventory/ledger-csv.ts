/**
 * The ledger as CSV (RFC 4180): a header row, then one row per movement, times in ISO 8601 UTC. Text a person
 * typed (reason, reference, location) that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is
 * prefixed with an apostrophe (OWASP's advice against CSV injection); numbers are written as they are.
 */
import type { LedgerEntry } from './model.ts';

export const LEDGER_CSV_COLUMNS = ['id', 'createdAt', 'sku', 'location', 'type', 'quantity', 'onHandDelta', 'reservedDelta', 'committedDelta', 'reason', 'reference'] as const;

function text(v: string | null): string {
  if (v === null) return '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function ledgerCsvHeader(): string {
  return `${LEDGER_CSV_COLUMNS.join(',')}\r\n`;
}

export function ledgerCsvRows(entries: readonly LedgerEntry[]): string {
  let out = '';
  for (const e of entries) {
    out += `${e.id},${e.createdAt},${text(e.sku)},${text(e.location)},${e.type},${e.quantity},${e.onHandDelta},${e.reservedDelta},${e.committedDelta},${text(e.reason)},${text(e.reference)}\r\n`;
  }
  return out;
}
