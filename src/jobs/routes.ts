/** HTTP for background jobs (admin keys): follow one, list recent ones. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Id, errorResponses } from '../http/schemas.ts';
import type { JobService } from './service.ts';

export const jobRoutes = (jobs: JobService): FastifyPluginAsyncTypebox =>
  async (app) => {
    const admin = { scopes: [] };
    app.get('/v1/jobs/:id', {
      config: admin,
      schema: { tags: ['jobs'], summary: 'A background job: status, progress, and its result once done', params: Type.Object({ id: Id }), response: { 200: Type.Ref('Job'), ...errorResponses('unknown_job') } },
    }, async (req) => jobs.get(req.params.id));
    app.get('/v1/jobs', {
      config: admin,
      schema: {
        tags: ['jobs'],
        summary: 'Recent background jobs, newest first',
        querystring: Type.Object({ kind: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Job')) }), ...errorResponses() },
      },
    }, async (req) => ({ items: await jobs.list(req.query.kind, req.query.limit) }));
  };
