/** Shared TypeBox pieces for the HTTP edge. */
import { Type, type TSchema } from '@sinclair/typebox';
import { invalidField } from '../core/errors.ts';
import { LOCATION_CODE_MAX_LENGTH, LOCATION_CODE_PATTERN, SKU_MAX_LENGTH, SKU_PATTERN } from '../core/ids.ts';

export const Sku = Type.String({ minLength: 1, maxLength: SKU_MAX_LENGTH, pattern: SKU_PATTERN, description: 'Stock keeping unit' });
export const LocationCode = Type.String({ minLength: 1, maxLength: LOCATION_CODE_MAX_LENGTH, pattern: LOCATION_CODE_PATTERN });
/** A count of units: whole, positive, and bounded so sums never leave safe integers. */
export const Quantity = Type.Integer({ minimum: 1, maximum: 1_000_000 });
/** An id of ours in a path (`res_…`, `ord_…`, `wh_…`): every id we make is shorter than this. */
export const Id = Type.String({ minLength: 1, maxLength: 64 });
/**
 * A position in an id-ordered list (ledger entries, events): whole, from 0, and at most 2^53 - 1, so it is exact
 * in JavaScript and inside a PostgreSQL bigint; anything past it is a 400 before any query runs.
 */
export const Cursor = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
/** A page size: from 1 to `max`. */
export function PageLimit(max: number, opts: { default?: number } = {}) {
  return Type.Integer({ minimum: 1, maximum: max, ...opts });
}
export const CalendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Unknown() }),
  },
  { $id: 'Error' },
);

/** Error responses of a route, by code from the catalogue (see error-docs.ts). */
export { errorResponses } from './error-docs.ts';

export function Nullable<T extends TSchema>(t: T) {
  return Type.Union([t, Type.Null()]);
}

/** A string enum as JSON Schema `enum`, so a wrong value is told which values are allowed. */
export function StringEnum<const T extends readonly string[]>(values: T, opts: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...opts });
}

const MAX_DEPTH = 32;

/**
 * Refuses what schemas cannot: JSON nested deeper than 32 levels (it would exhaust the stack later) and strings
 * with U+0000 (PostgreSQL text cannot hold them). Iterative, so hostile input cannot overflow it either.
 */
export function checkUntrustedJson(value: unknown, where: string): void {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v === 'string') {
      if (v.includes('\u0000')) throw invalidField(where, `${where} contains a NUL character (U+0000), which is not allowed`);
    } else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_DEPTH) throw invalidField(where, `${where} is nested deeper than ${MAX_DEPTH} levels`);
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000')) throw invalidField(where, `${where} contains a NUL character (U+0000) in a field name`);
        stack.push([child, depth + 1]);
      }
    }
  }
}

/**
 * A background job as every route that starts one answers it (202) and GET /v1/jobs/:id shows it; registered
 * once at the root like the error schema, so any module's routes may refer to it.
 */
export const JobSchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.String({ description: 'what the job does, e.g. forecast_run' }),
    status: StringEnum(['running', 'succeeded', 'failed'] as const),
    params: Type.Unknown({ description: 'the options it was started with' }),
    progress: Type.Object({ done: Type.Integer(), total: Nullable(Type.Integer()), current: Nullable(Type.String()) }),
    result: Type.Unknown({ description: 'the answer once it succeeded (a forecast run: the run summary)' }),
    error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
    createdAt: Type.String(),
    heartbeatAt: Type.String(),
    finishedAt: Nullable(Type.String()),
  },
  { $id: 'Job' },
);
