/**
 * How input is checked at the edge: bodies strictly (a string is not a number, unknown fields are refused),
 * path and query strings coerced, and what schemas cannot express (depth, NUL) refused before any handler.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RestockError } from '../core/errors.ts';
import { Ajv, type AnySchema } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { checkUntrustedJson } from './schemas.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Set as Fastify's `schemaController.compilersFactory.buildValidator`, so plugins that add shared schemas get the same rules. */
export function validatorFactory(externalSchemas: unknown) {
  const make = (coerceTypes: boolean) => {
    const ajv = addFormats(new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: false, strict: false }));
    for (const schema of Object.values((externalSchemas ?? {}) as Record<string, object>)) ajv.addSchema(schema);
    return ajv;
  };
  const strict = make(false);
  const coercing = make(true);
  return ({ schema, httpPart }: { schema: AnySchema; httpPart?: string }) => (httpPart === 'body' ? strict : coercing).compile(schema);
}

export function installInputChecks(app: FastifyInstance): void {
  // A callback hook (every request passes, nothing here waits); what it throws Fastify answers as an error.
  app.addHook('preValidation', (req, _reply, done) => {
    // A bodiless POST to an endpoint whose body is all optional (commit, cancel) means "no options".
    if (req.body === undefined && req.method !== 'GET' && req.routeOptions.schema?.body) req.body = {};
    checkUntrustedJson(req.body, 'body');
    checkUntrustedJson(req.query, 'query');
    done();
  });
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The byte-order marks of encodings other than UTF-8, longest first (UTF-32 LE starts like UTF-16 LE). */
const FOREIGN_BOMS: Array<[string, number[]]> = [
  ['UTF-32', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-32', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-16', [0xfe, 0xff]],
  ['UTF-16', [0xff, 0xfe]],
];

/**
 * JSON bodies are UTF-8, on purpose and in one place (RFC 8259 §8.1): a charset parameter other than UTF-8 is
 * refused (415), a UTF-16 or UTF-32 body is told apart by its byte-order mark and refused (400), bytes that are
 * not UTF-8 are refused rather than silently turned into U+FFFD, and one leading UTF-8 byte-order mark — which
 * some Windows tools write — is ignored, as the RFC allows, so such a body means exactly what it would without
 * it (the same idempotency hash, the same answer). The rest is Fastify's own parser, with its guards against
 * `__proto__` and `constructor` keys.
 */
export function installJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req: FastifyRequest, raw: Buffer | string, done) => {
    const buf = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      done(new RestockError('unsupported_media_type', `JSON bodies must be UTF-8 (RFC 8259); this one says charset=${charset}`, null), undefined);
      return;
    }
    for (const [name, bom] of FOREIGN_BOMS) {
      if (buf.length >= bom.length && bom.every((b, i) => buf[i] === b)) {
        done(new RestockError('invalid_json', `the body is ${name} (it starts with a ${name} byte-order mark); send JSON as UTF-8`, null), undefined);
        return;
      }
    }
    let text: string;
    try {
      text = UTF8.decode(buf);
    } catch {
      done(new RestockError('invalid_json', 'the body is not valid UTF-8; send JSON as UTF-8', null), undefined);
      return;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    // The parser underneath would skip a second one; one is a tool's habit, two are a mangled body.
    if (text.charCodeAt(0) === 0xfeff) {
      done(new RestockError('invalid_json', 'the body starts with more than one byte-order mark', null), undefined);
      return;
    }
    void parse(req, text, done);
  });
}
