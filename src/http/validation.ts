/**
 * How input is checked at the edge: bodies strictly (a string is not a number, unknown fields are refused),
 * path and query strings coerced, and what schemas cannot express (depth, NUL) refused before any handler.
 */
import type { FastifyInstance } from 'fastify';
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
  app.addHook('preValidation', async (req) => {
    // A bodiless POST to an endpoint whose body is all optional (commit, cancel) means "no options".
    if (req.body === undefined && req.method !== 'GET' && req.routeOptions.schema?.body) req.body = {};
    checkUntrustedJson(req.body, 'body');
    checkUntrustedJson(req.query, 'query');
  });
}
