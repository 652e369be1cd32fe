/**
 * The public API's routes: predict one resume (JSON text or a file upload), a batch, the model,
 * health and the OpenAPI document. Thin: each route parses, calls the prediction engine and maps
 * its answer to a status code. Plain Node; registered by api-app.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { predictionSchema } from '../../preload/contract';
import type { PredictionEngine } from '../predict/prediction-engine';
import { NoModelError } from '../predict/prediction-task';
import { shownFileName } from '../privacy/blind-predictions';
import { sendError } from './api-reply';
import {
  batchAnswerSchema,
  batchBodySchema,
  errorSchema,
  fileUploadSchema,
  healthAnswerSchema,
  jsonSchema,
  modelAnswerSchema,
  textItemSchema,
} from './api-schemas';

/** What the routes need. */
export interface ApiRouteDeps {
  /** Already masking its answers in blind mode (main/privacy/blind-predictions.ts). */
  engine: PredictionEngine;
  /** Blind mode: the uploaded file's name is masked in the error that quotes it. */
  isBlind: () => boolean;
  /** Remembers which zod schema a JSON Schema came from, for validation. */
  register(json: object, zod: z.ZodType): void;
}

/** Reads the one uploaded file; a broken or empty form is the client's mistake (400), an oversized file 413. */
async function readUpload(request: FastifyRequest): Promise<{ bytes: Buffer; name: string } | { status: number; error: string }> {
  try {
    const file = await request.file();
    if (!file) return { status: 400, error: 'The upload holds no file; send it in the field "file".' };
    // One documented field: a file sent under another name is refused, not guessed at, so a client
    // that sends two forms of one resume (or the wrong part) hears of it.
    if (file.fieldname !== 'file') {
      file.file.resume();
      return { status: 400, error: `The upload's file is in the field "${file.fieldname}"; send it in the field "file".` };
    }
    return { bytes: await file.toBuffer(), name: file.filename || 'upload' };
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) return { status, error: 'The uploaded file is larger than this server accepts.' };
    return { status: 400, error: `The upload could not be read (${(error as Error).message}); send the file as multipart/form-data in the field "file".` };
  }
}

/** Registers every route of the public API on `app`. */
export function registerApiRoutes(app: FastifyInstance, deps: ApiRouteDeps): void {
  const { engine } = deps;
  const documented = (zod: z.ZodType) => {
    const json = jsonSchema(zod);
    deps.register(json, zod);
    return json;
  };
  const error = documented(errorSchema);
  const errors = (...codes: number[]) => Object.fromEntries(codes.map((code) => [code, error]));
  // Every status a route can answer is documented (tests/main/api/api-statuses.test.ts probes each
  // route and compares): 403 is the Host / Origin check and 429 the rate limit, both before any
  // route runs; 401 the token; 500 a prediction thread that failed outside any one resume; 400 on a
  // GET is a body it does not need but that Fastify still reads, and that is not valid JSON.

  /** No model: 503, with the sentence saying what to do. Other failures go to the error handler. */
  const answerFailure = (reply: FastifyReply, failure: unknown) => {
    if (failure instanceof NoModelError) return sendError(reply, 503, { code: 'no_model', message: failure.message });
    throw failure;
  };

  app.post(
    '/v1/predict',
    {
      schema: {
        summary: 'Predict the job category of one resume',
        description: 'Send the text as JSON, or upload the file (PDF, DOCX, DOC, TXT, MD, HTML) as multipart/form-data in the field "file".',
        body: { content: { 'application/json': { schema: documented(textItemSchema) }, 'multipart/form-data': { schema: jsonSchema(fileUploadSchema) } } },
        response: { 200: documented(predictionSchema), ...errors(400, 401, 403, 413, 415, 422, 429, 500, 503) },
      },
    },
    async (request: FastifyRequest, reply) => {
      try {
        if (!request.isMultipart()) {
          // Validation covers JSON bodies; a request with no body at all gets here with none.
          if (typeof request.body !== 'object' || request.body === null) {
            return sendError(reply, 400, {
              code: 'bad_request',
              message: 'Send the resume as JSON ({"text": "…"}) or upload it as multipart/form-data in the field "file".',
            });
          }
          const body = request.body as z.infer<typeof textItemSchema>;
          const [answer] = await engine.predictTexts([{ text: body.text, name: body.name ?? null }]);
          if (!answer!.ok) return sendError(reply, 422, { code: 'unreadable', status: answer!.status, message: answer!.reason });
          return answer!.prediction;
        }
        const upload = await readUpload(request);
        if ('error' in upload) return sendError(reply, upload.status, { code: upload.status === 413 ? 'too_large' : 'bad_request', message: upload.error });
        const { bytes, name } = upload;
        const answer = await engine.predictBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
        if (!answer.ok)
          return sendError(reply, 422, { code: 'unreadable', status: answer.status, message: `${shownFileName(name, deps.isBlind())}: ${answer.reason}` });
        return answer.prediction;
      } catch (failure) {
        return answerFailure(reply, failure);
      }
    },
  );

  app.post(
    '/v1/predict/batch',
    {
      schema: {
        summary: 'Predict the job categories of many resumes (as text)',
        body: documented(batchBodySchema),
        response: { 200: documented(batchAnswerSchema), ...errors(400, 401, 403, 413, 415, 429, 500, 503) },
      },
    },
    async (request, reply) => {
      if (typeof request.body !== 'object' || request.body === null)
        return sendError(reply, 400, { code: 'bad_request', message: 'Send the resumes as JSON: {"items": [{"text": "…"}]}.' });
      const { items } = request.body as z.infer<typeof batchBodySchema>;
      try {
        const answers = await engine.predictTexts(items.map((item) => ({ text: item.text, name: item.name ?? null })));
        return {
          predictions: answers.map((answer, i) =>
            answer.ok
              ? answer.prediction
              : {
                  name: items[i]!.name === undefined ? null : shownFileName(items[i]!.name!, deps.isBlind()),
                  error: { code: 'unreadable' as const, status: answer.status, message: answer.reason },
                },
          ),
        };
      } catch (failure) {
        return answerFailure(reply, failure);
      }
    },
  );

  app.get(
    '/v1/model',
    {
      schema: {
        summary: 'The model in use: its classes, metrics and when it was trained',
        response: { 200: documented(modelAnswerSchema), ...errors(400, 401, 403, 429, 503) },
      },
    },
    async (_request, reply) => {
      const status = await engine.ready().then(() => engine.status());
      if (!status.model || !status.reviewThreshold) return sendError(reply, 503, { code: 'no_model', message: status.reason ?? 'No model is loaded.' });
      return { ...status.model, reviewThreshold: status.reviewThreshold };
    },
  );

  app.get(
    '/v1/health',
    {
      schema: {
        summary: 'Whether the server can predict (no token needed and no rate limit, for load balancers and probes)',
        description: 'A request with an Origin header (a web page) or a Host that is not allowed gets 403, as on every route.',
        security: [],
        response: { 200: documented(healthAnswerSchema), 503: documented(healthAnswerSchema), ...errors(400, 403) },
      },
      // A load balancer probes often and from one address: its probes must never spend the budget
      // of real clients behind it, nor be refused with 429 and take a healthy server out of rotation.
      config: { rateLimit: false },
    },
    async (_request, reply) => {
      const status = engine.status();
      const model = status.model ? { id: status.model.id, name: status.model.name } : null;
      return reply.code(model ? 200 : 503).send({ status: model ? 'ok' : 'no_model', model, reason: status.reason });
    },
  );

  app.get(
    '/v1/openapi.json',
    {
      schema: {
        summary: 'This document (no token needed)',
        security: [],
        response: { 200: { type: 'object', description: 'The OpenAPI 3.1 document.', additionalProperties: true }, ...errors(400, 403, 429) },
      },
    },
    async () => app.swagger(),
  );
}
