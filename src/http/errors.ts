/**
 * The one place errors become HTTP: `{ "error": { "code", "message", "details" } }`, with the status the error
 * catalogue (core/errors.ts) gives the code. Fastify's own errors (body too large, wrong media type, bad JSON,
 * schema validation) are mapped onto catalogue codes here too, so no answer carries a code outside it. Anything
 * else is a bug: logged with its context and answered 500 `internal`, without internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Value } from '@sinclair/typebox/value';
import { ERROR_CATALOGUE, InvariantViolation, RestockError, type DetailsOf, type ErrorCode } from '../core/errors.ts';
import { declaredCodes } from './error-docs.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: unknown };
}

export function errorBody<C extends ErrorCode>(code: C, message: string, details: DetailsOf<C>): ErrorBody {
  return { error: { code, message, details } };
}

const FASTIFY_CODES: Record<string, 'payload_too_large' | 'unsupported_media_type' | 'invalid_request' | 'invalid_json'> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_TYPE: 'invalid_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
};

/**
 * Codes answered by a route that its OpenAPI entry does not list, seen by this process. Tests assert it stays
 * empty after driving the API, so the published lists cannot fall behind what the server really answers.
 */
export const undeclaredCodes = new Set<string>();

/**
 * Errors whose `details` do not have their code's shape, seen by this process. Checked only under the test runner
 * (RESTOCK_TEST=1), where tests assert it stays empty: one code, one shape, wherever it is raised.
 */
export const offShapeDetails = new Set<string>();
const CHECK_SHAPES = process.env.RESTOCK_TEST === '1';

function send<C extends ErrorCode>(req: FastifyRequest, reply: FastifyReply, code: C, message: string, details: DetailsOf<C>) {
  const status = ERROR_CATALOGUE[code].status;
  if (code === 'rate_limited') reply.header('retry-after', String((details as DetailsOf<'rate_limited'>).retryAfterSeconds));
  const declared = declaredCodes(req.routeOptions.schema?.response, status);
  if (declared && !declared.includes(code)) undeclaredCodes.add(`${req.method} ${req.routeOptions.url ?? req.url} ${status} ${code}`);
  if (CHECK_SHAPES && !Value.Check(ERROR_CATALOGUE[code].details, details)) {
    offShapeDetails.add(`${req.method} ${req.routeOptions.url ?? req.url} ${code} ${JSON.stringify(details).slice(0, 200)}`);
  }
  return reply.status(status).send(errorBody(code, message, details));
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof InvariantViolation) {
      req.log.error({ err, context: err.context }, 'invariant violated');
      return send(req, reply, 'internal', 'something went wrong on our side; the request was not applied', null);
    }
    if (err instanceof RestockError) {
      if (err.code === 'rate_limited') reply.header('retry-after', String((err.details as DetailsOf<'rate_limited'>).retryAfterSeconds));
      return send(req, reply, err.code, err.message, err.details as DetailsOf<typeof err.code>);
    }
    if (err.validation) {
      const details = err.validation.map((v) => ({
        field: `${err.validationContext ?? 'body'}${v.instancePath ? v.instancePath.replace(/\//g, '.') : ''}${
          v.keyword === 'required' ? `.${String((v.params as { missingProperty?: string }).missingProperty)}` : ''
        }${v.keyword === 'additionalProperties' ? `.${String((v.params as { additionalProperty?: string }).additionalProperty)}` : ''}`,
        message:
          v.keyword === 'additionalProperties'
            ? 'is not a known field'
            : v.keyword === 'enum'
              ? `must be one of: ${((v.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}`
              : v.keyword === 'not'
                ? 'must not be 0'
                : (v.message ?? 'is invalid'),
      }));
      const first = details[0];
      return send(req, reply, 'invalid_request', first ? `${first.field} ${first.message}` : 'the request is invalid', details);
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped === 'unsupported_media_type') {
      return send(req, reply, mapped, `unsupported media type '${req.headers['content-type'] ?? '(none)'}': send application/json`, null);
    }
    if (mapped === 'payload_too_large' || mapped === 'invalid_json') return send(req, reply, mapped, err.message, null);
    if (mapped === 'invalid_request') return send(req, reply, mapped, err.message, [{ field: 'body', message: err.message }]);
    if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/i.test(err.message))) {
      return send(req, reply, 'invalid_json', `the body is not valid JSON: ${err.message}`, null);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Another client error Fastify raised before our code ran (a malformed header, say): the request is at fault.
      return send(req, reply, 'invalid_request', err.message, [{ field: 'request', message: err.message }]);
    }
    req.log.error({ err }, 'unhandled error');
    return send(req, reply, 'internal', 'something went wrong on our side; the request was not applied', null);
  });

  app.setNotFoundHandler((req, reply) => {
    return reply.status(404).send(errorBody('route_not_found', `no route ${req.method} ${req.url.split('?')[0]}`, null));
  });
}
