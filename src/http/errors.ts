/** The one place errors become HTTP: `{ "error": { "code", "message", "details" } }` with a fitting status. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RestockError } from '../core/errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

export function errorBody(code: string, message: string, details: unknown = null): ErrorBody {
  return { error: { code, message, details } };
}

const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_TYPE: [400, 'invalid_request'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_request'],
};

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof RestockError) {
      return reply.status(err.status).send(errorBody(err.code, err.message, err.details));
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
      return reply
        .status(400)
        .send(errorBody('invalid_request', first ? `${first.field} ${first.message}` : 'the request is invalid', details));
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) {
      const message = mapped[1] === 'unsupported_media_type' ? `unsupported media type '${req.headers['content-type'] ?? '(none)'}': send application/json` : err.message;
      return reply.status(mapped[0]).send(errorBody(mapped[1], message));
    }
    if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/i.test(err.message))) {
      return reply.status(400).send(errorBody('invalid_json', `the body is not valid JSON: ${err.message}`));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(errorBody('invalid_request', err.message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', 'something went wrong on our side; the request was not applied'));
  });

  app.setNotFoundHandler((req, reply) => {
    return reply.status(404).send(errorBody('route_not_found', `no route ${req.method} ${req.url.split('?')[0]}`));
  });
}
