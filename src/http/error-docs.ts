/**
 * The error catalogue in the OpenAPI document. A route lists the domain codes it can answer with
 * `...errorResponses('unknown_sku', 'insufficient_stock')` in its response schemas; the codes every route of a kind can
 * answer (a bad body, a missing key, a reused Idempotency-Key, a bug) are added here to every route of that kind
 * when it is registered. Each error response's schema names its codes as an enum and its description gives each
 * code's meaning and `details` shape, all from core/errors.ts.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { ERROR_CATALOGUE, type ErrorCode, type ErrorStatus } from '../core/errors.ts';

/** Marks our error response schemas, so the codes can be read back from a route's schema. */
const CODES = 'x-error-codes';

/** A compact type of a details schema for people reading the document: `{ sku: string, available: integer }`. */
function shape(s: TSchema): string {
  const t = s as { type?: string; properties?: Record<string, TSchema>; required?: string[]; items?: TSchema; patternProperties?: Record<string, TSchema> };
  if (t.type === 'null') return 'null';
  if (t.type === 'array' && t.items) return `[${shape(t.items)}]`;
  if (t.type === 'object' && t.properties) {
    const req = new Set(t.required ?? []);
    return `{ ${Object.entries(t.properties).map(([k, v]) => `${k}${req.has(k) ? '' : '?'}: ${shape(v)}`).join(', ')} }`;
  }
  if (t.type === 'object') return '{ … }';
  return t.type ?? 'any';
}

function responseFor(status: ErrorStatus, codes: readonly ErrorCode[]): TSchema {
  const sorted = [...new Set(codes)].sort();
  const description = sorted.map((c) => `\`${c}\`: ${ERROR_CATALOGUE[c].meaning} details: \`${shape(ERROR_CATALOGUE[c].details)}\``).join('\n\n');
  return Type.Object(
    {
      error: Type.Object({
        code: Type.Unsafe<string>({ type: 'string', enum: sorted }),
        message: Type.String(),
        details: Type.Unknown({ description: 'shape per code, as listed in this response' }),
      }),
    },
    { description, [CODES]: sorted },
  );
}

/** Response schemas for the given codes, one per status. */
export function errorResponses(...codes: ErrorCode[]): Record<number, TSchema> {
  const byStatus = new Map<ErrorStatus, ErrorCode[]>();
  for (const c of codes) {
    const s = ERROR_CATALOGUE[c].status;
    byStatus.set(s, [...(byStatus.get(s) ?? []), c]);
  }
  return Object.fromEntries([...byStatus].map(([s, cs]) => [s, responseFor(s, cs)]));
}

/** The codes a route's response schemas declare for a status, or null when the route declares none at all. */
export function declaredCodes(response: unknown, status: number): string[] | null {
  if (typeof response !== 'object' || response === null) return null;
  const entries = Object.entries(response as Record<string, unknown>);
  const ours = entries.filter(([, v]) => typeof v === 'object' && v !== null && Array.isArray((v as Record<string, unknown>)[CODES]));
  if (ours.length === 0) return null;
  const s = ours.find(([k]) => k === String(status))?.[1] as Record<string, unknown> | undefined;
  return (s?.[CODES] as string[] | undefined) ?? [];
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The codes the kit itself can answer on a route: from the error handler, auth, idempotency and the body parser. */
export function kitCodes(route: Pick<RouteOptions, 'method' | 'config'>): ErrorCode[] {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const out: ErrorCode[] = ['internal'];
  const config = route.config as { scopes?: string[]; readOnly?: boolean } | undefined;
  const scopes = config?.scopes;
  // Input checks: schemas, and the depth/NUL checks every body and query string goes through.
  out.push('invalid_request', 'api_key_in_query');
  // Failed authentications are limited per address; routes with `config.limit` are limited per key and address.
  if (scopes) out.push('unauthorized', 'forbidden', 'rate_limited');
  if ((route.config as { limit?: string } | undefined)?.limit && !scopes) out.push('rate_limited');
  if ((route.config as { streamTicket?: boolean } | undefined)?.streamTicket) out.push('invalid_ticket', 'expired_ticket');
  if (methods.some((m) => MUTATING.has(m))) {
    out.push('invalid_json', 'payload_too_large', 'unsupported_media_type');
    out.push('invalid_idempotency_key');
    // A read-only POST checks the header's form but stores nothing (http/idempotency.ts).
    if (config?.readOnly !== true) out.push('idempotency_key_reused', 'idempotency_in_progress', 'idempotency_response_not_kept');
  }
  return out;
}

/**
 * Gives every documented route the kit's codes besides its own. Hidden routes (pages, the document itself) are
 * left alone, so `declaredCodes` reads null for them.
 */
export function installErrorDocs(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { hide?: boolean; response?: Record<string, unknown> } | undefined;
    if (!schema || schema.hide) return;
    schema.response ??= {};
    const own = Object.values(schema.response).flatMap((v) => ((v as Record<string, unknown>)[CODES] as ErrorCode[] | undefined) ?? []);
    const merged = errorResponses(...own, ...kitCodes(route));
    const response: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema.response)) if (!(typeof v === 'object' && v !== null && CODES in v)) response[k] = v;
    Object.assign(response, merged);
    schema.response = response;
  });
}
