/** What every public API route shares: the error shape and which routes need no token. Plain Node. */
import type { FastifyReply } from 'fastify';
import type { ApiErrorBody } from './api-schemas';

/** Routes anyone may call without the token: probes and the API description. */
export const publicRoutes = new Set(['/v1/health', '/v1/openapi.json']);

/** Sends an error in the API's one error shape. */
export function sendError(reply: FastifyReply, statusCode: number, error: ApiErrorBody['error']): FastifyReply {
  return reply.code(statusCode).send({ error } satisfies ApiErrorBody);
}
