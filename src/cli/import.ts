/**
 * `restock import catalog|stock FILE.csv`: streams a CSV into the catalog or the stock feed.
 *
 * The file is read twice. The first pass hashes it and checks that it is CSV with the needed columns, so a
 * broken file is refused before anything lands (and the hash is known before the first stock line needs its
 * idempotency key). The second pass checks each row on its own, then lands rows in batches through the public
 * services; those refuse a batch whole for one bad row, so a refused batch is retried row by row and the good
 * rows still land. Business rules stay in the services: this file only turns text into their typed input.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { parse } from 'csv-parse';
import { loadConfig } from '../core/config.ts';
import { RestockError } from '../core/errors.ts';
import { progressBar } from '../core/progress.ts';
import type { Json } from '../core/json.ts';
import { LocationCode, Sku, checkUntrustedJson } from '../http/schemas.ts';
import { PRODUCT_STATUSES, type ProductInput, type ProductStatus, type StockPolicy } from '../catalog/model.ts';
import { CURRENCY_PATTERN, PRODUCT_LIMITS, normalisePrice, productInputProblems } from '../catalog/policy.ts';
import { isCalendarDate } from '../core/clock.ts';
import type { FeedLine } from '../inventory/model.ts';
import { MAX_FEED_DELTA, MAX_FEED_REASON_LENGTH, MAX_ON_HAND, exactlyOneProblem } from '../inventory/feed-policy.ts';
import { Restock } from '../restock.ts';

const DEFAULT_BATCH = 500;

const EXIT_CODES_HELP = `
Exit codes:
  0  at least one row was imported, or the file has no data rows
  1  the file could not be read (missing, unreadable, not valid CSV, or lacking a required column), or the
     database failed before the first row landed; nothing was imported
  2  every row was rejected; nothing was imported
  3  the import stopped part-way (the database failed, or the file changed while it was read): rows before
     the line named in "stopped at line N" were imported or rejected as listed; that line and the rest were
     not imported. Importing the same file again completes it (rows already in change nothing twice).

Rows land in transactions of --batch-size rows, each whole or not at all. Rejected rows are listed after the
import as "line N: reason" (N is the line the row starts on), followed by "imported X rows, Y rejected". An
empty cell leaves that field as it is (or at its default for a new SKU).`;

const CATALOG_HELP = `
Columns (header row required; names are case-insensitive, order is free):
  sku, title, price                       required
  description, category, brand, currency  text (currency: ISO 4217, default EUR)
  status                                  ${PRODUCT_STATUSES.join(' | ')}
  track_inventory, allow_backorder,
  allow_preorder                          true/false (also yes/no, 1/0)
  low_stock_threshold, backorder_limit,
  preorder_limit, lead_time_days          whole numbers
  release_date                            YYYY-MM-DD
  attributes                              a JSON object, e.g. {"color":"red"}
  attr_NAME                               one attribute per column (text); overrides the same key in attributes
Attributes given on a row replace the SKU's attributes. A SKU repeated in the file ends with its last row.
${EXIT_CODES_HELP}`;

const STOCK_HELP = `
Columns (header row required; names are case-insensitive, order is free):
  sku, location   required; both must already exist
  on_hand         the absolute count now on hand, or
  delta           units to add (positive) or remove (negative): exactly one of the two per row
  reason          optional, recorded in the ledger

Each row is keyed by the file's content and its line, so importing the same file again changes nothing (the rows
are counted as duplicates). An edited file is a new file: re-import only the rows you fixed, or its deltas apply
twice.
${EXIT_CODES_HELP}`;

export function registerImportCommands(program: Command): void {
  const imp = program
    .command('import')
    .description('import a catalog or stock counts from CSV')
    .addHelpText('after', EXIT_CODES_HELP);

  const batchOption = () =>
    new Option('--batch-size <rows>', 'rows landed per transaction').default(DEFAULT_BATCH).argParser((v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 5000) throw new Error(`--batch-size must be a whole number from 1 to 5000, got '${v}'`);
      return n;
    });

  imp
    .command('catalog <file>')
    .description('create or update products from a CSV file')
    .addOption(batchOption())
    .addHelpText('after', CATALOG_HELP)
    .action(async (file: string, opts: { batchSize: number }) => {
      process.exitCode = await runImport(file, new CatalogImport(opts.batchSize));
    });

  imp
    .command('stock <file>')
    .description('apply stock counts (on_hand) or changes (delta) per SKU and location from a CSV file')
    .addOption(batchOption())
    .addHelpText('after', STOCK_HELP)
    .action(async (file: string, opts: { batchSize: number }) => {
      process.exitCode = await runImport(file, new StockImport(opts.batchSize));
    });
}

// ---------------------------------------------------------------------------------------------- the run

/** What one kind of import knows: its columns, how a row becomes input, and how input lands. */
interface ImportKind {
  readonly name: string;
  /** Problems that make the file unusable, given the header. */
  checkHeader(header: Header): string[];
  /** Columns the kind ignores (they are reported once, so a typo does not drop data silently). */
  unknownColumns(header: Header): string[];
  begin(restock: Restock, fileSha: string, report: Report): Promise<void>;
  row(line: number, cells: Cells): Promise<void>;
  finish(): Promise<void>;
  summary(report: Report): string;
}

async function runImport(file: string, kind: ImportKind): Promise<number> {
  let checked: FileCheck;
  try {
    checked = await checkFile(file);
  } catch (err) {
    console.error(`cannot import ${file}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const header = new Header(checked.header);
  const problems = [...header.problems, ...kind.checkHeader(header)];
  if (problems.length > 0) {
    console.error(`cannot import ${file}: ${problems.join('; ')}`);
    return 1;
  }
  for (const c of kind.unknownColumns(header)) console.error(`warning: ignoring unknown column '${c}'`);

  const report = new Report();
  const restock = await Restock.open({ databaseUrl: loadConfig().databaseUrl });
  const bar = progressBar();
  try {
    await kind.begin(restock, checked.sha256, report);
    bar?.start(checked.rows, 0, { stage: `importing ${kind.name}`, unit: 'rows' });
    let seen = 0;
    for await (const r of readCsv(file)) {
      if (r.index === 0 || isBlank(r.fields)) continue;
      seen++;
      if (r.fields.length !== header.width) {
        report.reject(r.line, `has ${r.fields.length} fields but the header has ${header.width}`);
      } else {
        await kind.row(r.line, new Cells(header, r.fields));
      }
      if (seen % 100 === 0) bar?.update(seen);
    }
    await kind.finish();
    bar?.update(seen);
  } catch (err) {
    bar?.stop();
    const message = err instanceof Error ? err.message : String(err);
    // Nothing landed yet (the file went between the two passes, the database failed on the first batch).
    if (report.landed === 0 && report.duplicates === 0) {
      console.error(`cannot import ${file}: ${message}; nothing was imported`);
      return 1;
    }
    // Part-way: the batches before the one that failed are in, that one and the rest are not. Say exactly
    // which lines, so the exit code never suggests that nothing (or everything) landed.
    const at = report.stoppedAt;
    report.print();
    console.log(kind.summary(report));
    console.error(
      at === null
        ? `stopped after the last row was read: ${message}; every row listed above as imported is in`
        : `stopped at line ${at}: ${message}; rows before line ${at} are imported or rejected as listed, line ${at} and the rest of the file are not imported. Import the same file again to complete it.`,
    );
    return 3;
  } finally {
    bar?.stop();
    await restock.close();
  }
  report.print();
  console.log(kind.summary(report));
  // A re-run of the same stock file lands nothing new, yet every row is in: that is success, not rejection.
  if (report.landed + report.duplicates > 0) return 0;
  return report.rejected > 0 ? 2 : 0;
}

class Report {
  landed = 0;
  /** Stock rows whose idempotency key was seen before: already in, changed nothing now. */
  duplicates = 0;
  /** First line of the batch being landed: where an import that fails now stopped (null between batches). */
  stoppedAt: number | null = null;
  private readonly rejections: Array<{ line: number; reason: string }> = [];

  get rejected(): number {
    return this.rejections.length;
  }

  reject(line: number, reason: string): void {
    this.rejections.push({ line, reason });
  }

  /** Rejections arrive out of order (row checks first, batch fallbacks later): print them by line. */
  print(): void {
    this.rejections.sort((a, b) => a.line - b.line);
    for (const r of this.rejections) console.log(`line ${r.line}: ${r.reason}`);
  }
}

/**
 * Lands a batch whole; when the service refuses it, lands its rows one by one, so the good rows still land and
 * each bad one is reported with the service's reason. Errors that are not the service saying no end the import.
 */
async function landBatch<T>(batch: Array<Pending<T>>, land: (items: Array<Pending<T>>) => Promise<void>, report: Report): Promise<void> {
  const first = batch[0];
  if (!first) return;
  report.stoppedAt = first.line;
  try {
    await land(batch);
    report.stoppedAt = null;
    return;
  } catch (err) {
    if (!(err instanceof RestockError)) throw err;
    if (batch.length === 1) {
      report.reject(first.line, reasonOf(err));
      report.stoppedAt = null;
      return;
    }
  }
  for (const p of batch) {
    // Row by row, each row is its own transaction: a failure now stops at this row.
    report.stoppedAt = p.line;
    try {
      await land([p]);
    } catch (err) {
      if (!(err instanceof RestockError)) throw err;
      report.reject(p.line, reasonOf(err));
    }
  }
  report.stoppedAt = null;
}

interface Pending<T> {
  line: number;
  item: T;
}

/** The feed reports a one-line batch as "1 feed line(s) are invalid" with the reason in details: use that. */
function reasonOf(err: RestockError): string {
  const d: unknown = err.details;
  if (isRecord(d) && Array.isArray(d.lines)) {
    const first: unknown = d.lines[0];
    if (isRecord(first) && typeof first.reason === 'string') return first.reason;
  }
  return err.message;
}

// ---------------------------------------------------------------------------------------------- catalog

const CATALOG_COLUMNS = [
  'sku',
  'title',
  'description',
  'category',
  'brand',
  'price',
  'currency',
  'status',
  'track_inventory',
  'low_stock_threshold',
  'allow_backorder',
  'backorder_limit',
  'allow_preorder',
  'preorder_limit',
  'release_date',
  'lead_time_days',
  'attributes',
] as const;

// The catalog's own bounds (catalog/policy.ts), so a file is held to what a POST would be.
const MAX_LIMIT = PRODUCT_LIMITS.policyUnitsMax;
const MAX_LEAD_TIME_DAYS = PRODUCT_LIMITS.leadTimeDaysMax;

class CatalogImport implements ImportKind {
  readonly name = 'catalog';
  private restock: Restock | null = null;
  private report = new Report();
  private pending: Array<Pending<ProductInput>> = [];
  private pendingSkus = new Set<string>();
  private created = 0;
  private updated = 0;

  constructor(private readonly batchSize: number) {}

  checkHeader(header: Header): string[] {
    return missingColumns(header, ['sku', 'title', 'price']);
  }

  unknownColumns(header: Header): string[] {
    return header.names.filter((n) => n !== '' && !n.startsWith('attr_') && !(CATALOG_COLUMNS as readonly string[]).includes(n));
  }

  async begin(restock: Restock, _sha: string, report: Report): Promise<void> {
    this.restock = restock;
    this.report = report;
  }

  async row(line: number, cells: Cells): Promise<void> {
    const parsed = parseProductRow(cells);
    if (typeof parsed === 'string') {
      this.report.reject(line, parsed);
      return;
    }
    // A SKU twice in one statement is refused by PostgreSQL's upsert; landing first also keeps "last row wins".
    if (this.pendingSkus.has(parsed.sku)) await this.flush();
    this.pending.push({ line, item: parsed });
    this.pendingSkus.add(parsed.sku);
    if (this.pending.length >= this.batchSize) await this.flush();
  }

  async finish(): Promise<void> {
    await this.flush();
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.pendingSkus = new Set();
    const restock = this.restock;
    if (!restock) throw new Error('catalog import used before begin');
    await landBatch(batch, async (items) => {
      const results = await restock.catalog.upsertMany(items.map((p) => p.item));
      for (const r of results) {
        if (r.created) this.created++;
        else this.updated++;
      }
      this.report.landed += results.length;
    }, this.report);
  }

  summary(report: Report): string {
    return `imported ${report.landed} rows, ${report.rejected} rejected (${this.created} created, ${this.updated} updated)`;
  }
}

/** A product input from one row, or why the row is refused (every problem of the row, not just the first). */
function parseProductRow(cells: Cells): ProductInput | string {
  const problems: string[] = [];
  const sku = cells.get('sku');
  if (sku === undefined) problems.push('missing sku');
  else checkSku(sku, problems);
  const title = cells.get('title');
  if (title === undefined) problems.push('missing title');
  else if (title.length > PRODUCT_LIMITS.titleMaxLength) problems.push(`title is longer than ${PRODUCT_LIMITS.titleMaxLength} characters`);

  const rawPrice = cells.get('price');
  let price: string | undefined;
  if (rawPrice === undefined) problems.push('missing price');
  else {
    try {
      price = normalisePrice(rawPrice);
    } catch (err) {
      problems.push(err instanceof RestockError ? err.message : `bad price '${rawPrice}'`);
    }
  }

  const text = (name: string, max: number): string | undefined => {
    const v = cells.get(name);
    if (v !== undefined && v.length > max) problems.push(`${name} is longer than ${max} characters`);
    return v;
  };
  const description = text('description', PRODUCT_LIMITS.descriptionMaxLength);
  const category = text('category', PRODUCT_LIMITS.categoryMaxLength);
  const brand = text('brand', PRODUCT_LIMITS.brandMaxLength);

  let currency = cells.get('currency');
  if (currency !== undefined) {
    currency = currency.toUpperCase();
    if (!new RegExp(CURRENCY_PATTERN).test(currency)) problems.push(`bad currency '${cells.get('currency')}': use an ISO 4217 code such as EUR`);
  }

  let status: ProductStatus | undefined;
  const rawStatus = cells.get('status');
  if (rawStatus !== undefined) {
    const s = rawStatus.toLowerCase();
    if ((PRODUCT_STATUSES as readonly string[]).includes(s)) status = s as ProductStatus;
    else problems.push(`bad status '${rawStatus}': use ${PRODUCT_STATUSES.join(', ')}`);
  }

  const policy: Partial<StockPolicy> = {};
  const trackInventory = parseBool(cells, 'track_inventory', problems);
  if (trackInventory !== undefined) policy.trackInventory = trackInventory;
  const lowStockThreshold = parseInteger(cells, 'low_stock_threshold', 0, MAX_LIMIT, problems);
  if (lowStockThreshold !== undefined) policy.lowStockThreshold = lowStockThreshold;
  const allowBackorder = parseBool(cells, 'allow_backorder', problems);
  if (allowBackorder !== undefined) policy.allowBackorder = allowBackorder;
  const backorderLimit = parseInteger(cells, 'backorder_limit', 0, MAX_LIMIT, problems);
  if (backorderLimit !== undefined) policy.backorderLimit = backorderLimit;
  const allowPreorder = parseBool(cells, 'allow_preorder', problems);
  if (allowPreorder !== undefined) policy.allowPreorder = allowPreorder;
  const preorderLimit = parseInteger(cells, 'preorder_limit', 0, MAX_LIMIT, problems);
  if (preorderLimit !== undefined) policy.preorderLimit = preorderLimit;
  const leadTimeDays = parseInteger(cells, 'lead_time_days', 0, MAX_LEAD_TIME_DAYS, problems);
  if (leadTimeDays !== undefined) policy.leadTimeDays = leadTimeDays;
  const releaseDate = cells.get('release_date');
  if (releaseDate !== undefined) {
    if (isCalendarDate(releaseDate)) policy.releaseDate = releaseDate;
    else problems.push(`bad date in release_date: '${releaseDate}' is not a calendar date YYYY-MM-DD`);
  }

  const attributes = parseAttributes(cells, problems);

  if (problems.length > 0 || sku === undefined || title === undefined || price === undefined) return problems.join('; ');
  const input: ProductInput = { sku, title, price };
  if (description !== undefined) input.description = description;
  if (category !== undefined) input.category = category;
  if (brand !== undefined) input.brand = brand;
  if (currency !== undefined) input.currency = currency;
  if (status !== undefined) input.status = status;
  if (attributes !== undefined) input.attributes = attributes;
  if (Object.keys(policy).length > 0) input.policy = policy;

  // The catalog's own checks too, so a file can never bring in what a POST would be refused.
  try {
    checkUntrustedJson(input, 'row');
  } catch (err) {
    if (err instanceof RestockError) return err.message;
    throw err;
  }
  const invalid = productInputProblems(input);
  if (invalid.length > 0) return invalid.map((p) => p.message).join('; ');
  return input;
}

function parseAttributes(cells: Cells, problems: string[]): Record<string, Json> | undefined {
  let out: Record<string, Json> | undefined;
  const raw = cells.get('attributes');
  if (raw !== undefined) {
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch {
      problems.push(`attributes is not valid JSON: ${truncate(raw)}`);
    }
    if (v !== undefined) {
      if (isRecord(v)) out = { ...(v as Record<string, Json>) };
      else problems.push('attributes must be a JSON object, e.g. {"color":"red"}');
    }
  }
  for (const [name, value] of cells.attributeColumns()) {
    out ??= {};
    out[name] = value;
  }
  const maxName = PRODUCT_LIMITS.attributeNameMaxLength;
  if (out) for (const k of Object.keys(out)) if (k.length > maxName) problems.push(`attribute name '${truncate(k)}' is longer than ${maxName} characters`);
  return out;
}

// ---------------------------------------------------------------------------------------------- stock

const STOCK_COLUMNS = ['sku', 'location', 'on_hand', 'delta', 'reason'];
/** The CSV's names for the feed's two quantity fields, for the feed policy's messages. */
const CSV_FEED_FIELDS = { onHand: 'on_hand', delta: 'delta' };

type StockRow = { sku: string; location: string; reason?: string } & ({ onHand: number; delta?: undefined } | { delta: number; onHand?: undefined });

class StockImport implements ImportKind {
  readonly name = 'stock';
  private restock: Restock | null = null;
  private report = new Report();
  private keyPrefix = '';
  private locations: ReadonlySet<string> = new Set();
  private pending: Array<Pending<StockRow>> = [];

  constructor(private readonly batchSize: number) {}

  checkHeader(header: Header): string[] {
    const problems = missingColumns(header, ['sku', 'location']);
    if (!header.has('on_hand') && !header.has('delta')) problems.push('missing column on_hand or delta');
    return problems;
  }

  unknownColumns(header: Header): string[] {
    return header.names.filter((n) => n !== '' && !STOCK_COLUMNS.includes(n));
  }

  async begin(restock: Restock, sha: string, report: Report): Promise<void> {
    this.restock = restock;
    this.report = report;
    this.keyPrefix = `import:${sha.slice(0, 16)}:`;
    this.locations = new Set((await restock.inventory.listLocations()).map((l) => l.code));
  }

  async row(line: number, cells: Cells): Promise<void> {
    const parsed = parseStockRow(cells, this.locations);
    if (typeof parsed === 'string') {
      this.report.reject(line, parsed);
      return;
    }
    this.pending.push({ line, item: parsed });
    if (this.pending.length >= this.batchSize) await this.flush();
  }

  async finish(): Promise<void> {
    await this.flush();
  }

  private async flush(): Promise<void> {
    const restock = this.restock;
    if (!restock) throw new Error('stock import used before begin');
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    // Unknown SKUs are found here, per batch, so the whole catalog never has to sit in memory.
    const known = await restock.catalog.getMany([...new Set(batch.map((p) => p.item.sku))]);
    const ready: Array<Pending<FeedLine>> = [];
    for (const p of batch) {
      if (!known.has(p.item.sku)) {
        this.report.reject(p.line, `unknown sku '${p.item.sku}'`);
        continue;
      }
      const idempotencyKey = `${this.keyPrefix}${p.line}`;
      const base = { sku: p.item.sku, location: p.item.location, idempotencyKey, ...(p.item.reason !== undefined ? { reason: p.item.reason } : {}) };
      ready.push({ line: p.line, item: p.item.onHand !== undefined ? { ...base, onHand: p.item.onHand } : { ...base, delta: p.item.delta } });
    }
    await landBatch(ready, async (items) => {
      const results = await restock.inventory.applyFeed(items.map((p) => p.item), 'import');
      for (const r of results) {
        if (r.status === 'duplicate') this.report.duplicates++;
        else this.report.landed++;
      }
    }, this.report);
  }

  summary(report: Report): string {
    const dup = report.duplicates > 0 ? `, ${report.duplicates} duplicates skipped (imported before from this same file)` : '';
    return `imported ${report.landed} rows, ${report.rejected} rejected${dup}`;
  }
}

function parseStockRow(cells: Cells, locations: ReadonlySet<string>): StockRow | string {
  const problems: string[] = [];
  const sku = cells.get('sku');
  if (sku === undefined) problems.push('missing sku');
  else checkSku(sku, problems);
  const location = cells.get('location');
  if (location === undefined) problems.push('missing location');
  else if (!locations.has(location)) {
    problems.push(new RegExp(LocationCode.pattern ?? '').test(location) ? `unknown location '${location}'` : `bad location code '${truncate(location)}'`);
  }
  const hasOnHand = cells.get('on_hand') !== undefined;
  const hasDelta = cells.get('delta') !== undefined;
  const shape = exactlyOneProblem(hasOnHand, hasDelta, CSV_FEED_FIELDS);
  if (shape !== null) problems.push(shape);
  const onHand = parseInteger(cells, 'on_hand', 0, MAX_ON_HAND, problems);
  const delta = parseInteger(cells, 'delta', -MAX_FEED_DELTA, MAX_FEED_DELTA, problems);
  const reason = cells.get('reason');
  if (reason !== undefined && reason.length > MAX_FEED_REASON_LENGTH) problems.push(`reason is longer than ${MAX_FEED_REASON_LENGTH} characters`);

  if (reason?.includes('\u0000')) problems.push('reason contains a NUL character');
  if (problems.length > 0 || sku === undefined || location === undefined) return problems.join('; ');
  const base = { sku, location, ...(reason !== undefined ? { reason } : {}) };
  if (onHand !== undefined) return { ...base, onHand };
  if (delta !== undefined) return { ...base, delta };
  return 'neither on_hand nor delta is given';
}

// ---------------------------------------------------------------------------------------------- cells

/** The header: lower-cased names for lookup, original spelling kept for attr_NAME keys. */
class Header {
  readonly names: string[];
  readonly problems: string[] = [];
  private readonly index = new Map<string, number>();
  readonly attributes: Array<{ key: string; at: number }> = [];

  constructor(readonly original: string[]) {
    this.names = original.map((h) => h.trim().toLowerCase());
    this.names.forEach((n, i) => {
      if (n === '') return;
      if (this.index.has(n)) this.problems.push(`column '${n}' appears twice in the header`);
      this.index.set(n, i);
      if (n.startsWith('attr_')) {
        const key = (original[i] ?? '').trim().slice('attr_'.length);
        if (key === '') this.problems.push(`column '${n}' needs a name after attr_`);
        else this.attributes.push({ key, at: i });
      }
    });
  }

  get width(): number {
    return this.names.length;
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  at(name: string): number | undefined {
    return this.index.get(name);
  }
}

/** One row's values by column name; an absent column and an empty cell both read as undefined. */
class Cells {
  constructor(
    private readonly header: Header,
    private readonly fields: string[],
  ) {}

  get(name: string): string | undefined {
    const i = this.header.at(name);
    if (i === undefined) return undefined;
    const v = this.fields[i]?.trim();
    return v === '' ? undefined : v;
  }

  *attributeColumns(): Generator<[string, string]> {
    for (const { key, at } of this.header.attributes) {
      const v = this.fields[at]?.trim();
      if (v !== undefined && v !== '') yield [key, v];
    }
  }
}

function missingColumns(header: Header, required: string[]): string[] {
  return required.filter((c) => !header.has(c)).map((c) => `missing column ${c}`);
}

function checkSku(sku: string, problems: string[]): void {
  if (sku.length > (Sku.maxLength ?? 64) || !new RegExp(Sku.pattern ?? '').test(sku)) {
    problems.push(`bad sku '${truncate(sku)}': use letters, digits and . _ : / - (starting with a letter or digit), at most ${Sku.maxLength ?? 64} characters`);
  }
}

function parseInteger(cells: Cells, name: string, min: number, max: number, problems: string[]): number | undefined {
  const v = cells.get(name);
  if (v === undefined) return undefined;
  const n = /^[+-]?\d+$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    problems.push(`bad number in ${name}: '${truncate(v)}' is not a whole number from ${min} to ${max}`);
    return undefined;
  }
  return n;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 't']);
const FALSE = new Set(['false', 'no', 'n', '0', 'f']);

function parseBool(cells: Cells, name: string, problems: string[]): boolean | undefined {
  const v = cells.get(name);
  if (v === undefined) return undefined;
  const s = v.toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  problems.push(`bad value in ${name}: '${truncate(v)}' is not true or false`);
  return undefined;
}

// ---------------------------------------------------------------------------------------------- reading

interface FileCheck {
  sha256: string;
  header: string[];
  /** Data rows, blank ones not counted: the progress bar's total. */
  rows: number;
}

class FileError extends Error {}

function errorCode(err: unknown): string | undefined {
  const code = isRecord(err) || err instanceof Error ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Pass one: the file's hash, its header, and proof that it is CSV to the end, before anything lands. */
async function checkFile(path: string): Promise<FileCheck> {
  const info = await stat(path).catch((err: unknown) => {
    throw new FileError(errorCode(err) === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err));
  });
  if (!info.isFile()) throw new FileError('not a file');
  const hash = createHash('sha256');
  let header: string[] | null = null;
  let rows = 0;
  let bytes = 0;
  const bar = progressBar();
  bar?.start(info.size, 0, { stage: 'checking file', unit: 'bytes' });
  try {
    for await (const r of readCsv(path, (chunk) => {
      hash.update(chunk);
      bytes += chunk.length;
    })) {
      if (r.index === 0) header = r.fields;
      else if (!isBlank(r.fields)) rows++;
      if ((rows & 1023) === 0) bar?.update(bytes);
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new FileError(errorCode(err)?.startsWith('CSV_') ? `not valid CSV: ${message}` : message);
  } finally {
    bar?.update(bytes);
    bar?.stop();
  }
  if (!header) throw new FileError('the file is empty: a header row is needed');
  return { sha256: hash.digest('hex'), header, rows };
}

interface CsvRow {
  /** Record number, 0 = the header. */
  index: number;
  /** The physical line the record starts on (records may span lines inside quotes). */
  line: number;
  fields: string[];
}

interface ParsedRecord {
  record: string[];
  info: { empty_lines: number };
}

/**
 * Streams records with the line each starts on. csv-parse's own line counter counts a CRLF inside a quoted
 * field as two lines, so lines are counted here from the records themselves and the skipped blank lines.
 */
async function* readCsv(path: string, onChunk?: (chunk: Buffer) => void): AsyncGenerator<CsvRow> {
  const source = createReadStream(path);
  // A cap on one record stops an unclosed quote from pulling the rest of a large file into memory.
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 1_000_000 });
  source.on('error', (err) => parser.destroy(err));
  if (onChunk) source.on('data', (chunk) => onChunk(chunk as Buffer));
  source.pipe(parser);
  let index = 0;
  let lastLine = 0;
  let emptySoFar = 0;
  try {
    for await (const item of parser as AsyncIterable<unknown>) {
      const { record, info } = item as ParsedRecord;
      const line = lastLine + 1 + (info.empty_lines - emptySoFar);
      emptySoFar = info.empty_lines;
      lastLine = line + record.reduce((n, f) => n + lineBreaks(f), 0);
      yield { index: index++, line, fields: record };
    }
  } finally {
    source.destroy();
    parser.destroy();
  }
}

function lineBreaks(s: string): number {
  if (!s.includes('\n') && !s.includes('\r')) return 0;
  return s.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function isBlank(fields: string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

// ---------------------------------------------------------------------------------------------- small things

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function truncate(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
