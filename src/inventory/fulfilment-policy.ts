/**
 * Which locations fulfil an order (issue 12, §7): the customer's region first, then location priority, one
 * location for the whole order when one can fill it, split across locations only when the order allows it,
 * else the best single location per line. Pure and deterministic (ties go to the lower location code); what
 * cannot be filled is reported, never dropped. The types live here: a policy imports only its module's
 * model.ts, and these are the policy's own vocabulary (the service maps Location and sellable levels onto them).
 */

export interface FulfilmentLocation {
  code: string;
  /** Regions the location serves (inventory's Location has one: `[location.region]`). */
  regions: readonly string[];
  /** Lower first. */
  priority: number;
  active: boolean;
}

export interface FulfilmentRequest {
  lines: ReadonlyArray<{ sku: string; quantity: number }>;
  customerRegion?: string | null | undefined;
  /** May one line be served from several locations? */
  allowSplit: boolean;
  locations: readonly FulfilmentLocation[];
  /** Units free to sell, per SKU, per location code. */
  available: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface FulfilmentLine {
  sku: string;
  quantity: number;
  allocations: Array<{ location: string; quantity: number }>;
  /** Units no location can give: quantity − Σ allocations. */
  unfillable: number;
}

export interface FulfilmentPlan {
  lines: FulfilmentLine[];
  /** The locations used, in the order tried. */
  locations: string[];
  /** One location fills the whole order. */
  singleLocation: boolean;
  unfillable: number;
}

/** Active locations in the order they are tried: in the customer's region first, then priority, then code. */
export function fulfilmentOrder(locations: readonly FulfilmentLocation[], customerRegion?: string | null): FulfilmentLocation[] {
  const local = (l: FulfilmentLocation): number => (customerRegion && l.regions.includes(customerRegion) ? 0 : 1);
  return locations
    .filter((l) => l.active)
    .sort((a, b) => local(a) - local(b) || a.priority - b.priority || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function chooseFulfilment(req: FulfilmentRequest): FulfilmentPlan {
  const order = fulfilmentOrder(req.locations, req.customerRegion);
  // Free units left, as lines take them (two lines of one SKU share its stock).
  const left = new Map<string, Map<string, number>>();
  const free = (sku: string, loc: string): number => {
    let m = left.get(sku);
    if (!m) {
      m = new Map();
      left.set(sku, m);
    }
    let v = m.get(loc);
    if (v === undefined) {
      const raw = req.available.get(sku)?.get(loc) ?? 0;
      v = Number.isFinite(raw) ? Math.max(0, Math.floor(raw)) : 0;
      m.set(loc, v);
    }
    return v;
  };
  const take = (sku: string, loc: string, q: number): void => {
    left.get(sku)?.set(loc, free(sku, loc) - q);
  };
  const wanted = req.lines.map((l) => ({ sku: l.sku, quantity: Math.max(0, Math.floor(l.quantity)) }));

  // One location for the whole order, when one has every line in full.
  const whole = order.find((loc) => {
    const need = new Map<string, number>();
    for (const l of wanted) need.set(l.sku, (need.get(l.sku) ?? 0) + l.quantity);
    for (const [sku, q] of need) if (free(sku, loc.code) < q) return false;
    return true;
  });
  if (whole) {
    const lines = wanted.map((l) => {
      if (l.quantity > 0) take(l.sku, whole.code, l.quantity);
      return { sku: l.sku, quantity: l.quantity, allocations: l.quantity > 0 ? [{ location: whole.code, quantity: l.quantity }] : [], unfillable: 0 };
    });
    return { lines, locations: wanted.some((l) => l.quantity > 0) ? [whole.code] : [], singleLocation: true, unfillable: 0 };
  }

  // Line by line: a location already used by the order is preferred when it can fill the line (fewer parcels).
  const used: string[] = [];
  const use = (code: string): void => {
    if (!used.includes(code)) used.push(code);
  };
  const lines: FulfilmentLine[] = [];
  for (const l of wanted) {
    const line: FulfilmentLine = { sku: l.sku, quantity: l.quantity, allocations: [], unfillable: 0 };
    lines.push(line);
    if (l.quantity === 0) continue;
    const full =
      order.find((loc) => used.includes(loc.code) && free(l.sku, loc.code) >= l.quantity) ?? order.find((loc) => free(l.sku, loc.code) >= l.quantity);
    if (full) {
      take(l.sku, full.code, l.quantity);
      line.allocations.push({ location: full.code, quantity: l.quantity });
      use(full.code);
      continue;
    }
    if (req.allowSplit) {
      let rest = l.quantity;
      for (const loc of order) {
        if (rest === 0) break;
        const q = Math.min(rest, free(l.sku, loc.code));
        if (q <= 0) continue;
        take(l.sku, loc.code, q);
        line.allocations.push({ location: loc.code, quantity: q });
        use(loc.code);
        rest -= q;
      }
      line.unfillable = rest;
      continue;
    }
    // No split: the one location with the most units (the first in order among equals), the rest unfillable.
    let best: FulfilmentLocation | undefined;
    for (const loc of order) if (free(l.sku, loc.code) > (best ? free(l.sku, best.code) : 0)) best = loc;
    if (best) {
      const q = free(l.sku, best.code);
      take(l.sku, best.code, q);
      line.allocations.push({ location: best.code, quantity: q });
      use(best.code);
    }
    line.unfillable = l.quantity - (line.allocations[0]?.quantity ?? 0);
  }
  const unfillable = lines.reduce((s, l) => s + l.unfillable, 0);
  return { lines, locations: used, singleLocation: used.length <= 1 && unfillable === 0, unfillable };
}
