/** HTTP for API keys (admin keys only): list them, make one (its secret is in this one answer), revoke one. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Id, Nullable, StringEnum, errorResponses } from '../http/schemas.ts';
import { SCOPES } from './model.ts';
import type { AccessService } from './service.ts';

const KeyFields = {
  id: Type.String(),
  name: Type.String(),
  scope: StringEnum(SCOPES),
  prefix: Type.String({ description: 'The first characters of the secret, to recognise the key by' }),
  createdAt: Type.String(),
  revokedAt: Nullable(Type.String()),
  publishable: Type.Boolean({ description: 'A publishable key (storefront) may be written into pages; the others are secret' }),
  supplierId: Nullable(Type.String({ description: 'The supplier a supplier key acts for (null for other scopes)' })),
};
const ApiKeySchema = Type.Object(KeyFields, { $id: 'ApiKey' });
const CreatedApiKeySchema = Type.Object({ key: Type.String({ description: 'The secret, shown only now' }), apiKey: Type.Ref('ApiKey') }, { $id: 'CreatedApiKey' });

export const accessRoutes = (access: AccessService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addSchema(ApiKeySchema);
    app.addSchema(CreatedApiKeySchema);
    const admin = { scopes: [] };

    app.post('/v1/keys', {
      config: admin,
      schema: {
        tags: ['access'],
        summary: 'Create an API key; the secret is in this answer only',
        body: Type.Object({ scope: StringEnum(SCOPES), name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), supplierId: Type.Optional(Id) }, { additionalProperties: false }),
        response: { 201: Type.Ref('CreatedApiKey'), ...errorResponses() },
      },
    }, async (req, reply) => reply.status(201).send(await access.create(req.body.scope, req.body.name, req.body.supplierId ?? null)));

    app.get('/v1/keys', {
      config: admin,
      schema: { tags: ['access'], summary: 'List API keys (never their secrets)', response: { 200: Type.Object({ items: Type.Array(Type.Ref('ApiKey')) }), ...errorResponses() } },
    }, async () => ({ items: await access.list() }));

    app.post('/v1/keys/:id/revoke', {
      config: admin,
      schema: {
        tags: ['access'],
        summary: 'Revoke an API key (at once in this process, within seconds in others); again is harmless',
        params: Type.Object({ id: Id }),
        response: { 200: Type.Ref('ApiKey'), ...errorResponses('unknown_key') },
      },
    }, async (req) => access.revokeById(req.params.id));
  };
