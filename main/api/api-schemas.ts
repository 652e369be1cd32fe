/**
 * The public API's request and response schemas: zod, turned into the JSON Schemas that both the
 * route validation and the OpenAPI document use, so what is documented is what is checked. The
 * prediction itself is the contract's schema, the same object the app and the CLI return. Plain
 * TypeScript; imported by main/api/ only.
 */
import { z } from 'zod';
import { maxFileNameChars, maxPredictTextChars, predictionSchema, unreadableStatuses } from '../../preload/contract';

/** Most resumes in one batch request. */
export const maxBatchItems = 1000;

/** One resume as text. */
export const textItemSchema = z
  .object({
    text: z.string().min(1).max(maxPredictTextChars).describe('The resume text.'),
    name: z.string().min(1).max(maxFileNameChars).optional().describe('A name to return with the prediction, e.g. the file name.'),
  })
  .strict();

/** `POST /v1/predict/batch` body. */
export const batchBodySchema = z.object({ items: z.array(textItemSchema).min(1).max(maxBatchItems) }).strict();

/** `POST /v1/predict` as multipart: one file in the field `file`. */
export const fileUploadSchema = z.object({ file: z.string().describe('The resume file: PDF, DOCX, DOC, TXT, MD or HTML.').meta({ format: 'binary' }) });

/** An error answer. */
export const errorSchema = z.object({
  error: z.object({
    code: z.enum([
      'unauthorized',
      'forbidden',
      'not_found',
      'bad_request',
      'too_large',
      'unsupported_media_type',
      'rate_limited',
      'unreadable',
      'no_model',
      'internal',
    ]),
    message: z.string(),
    /** For `unreadable`: the import's status (encrypted, no_text, …). */
    status: z.enum(unreadableStatuses).optional(),
  }),
});
/** An error answer's body. */
export type ApiErrorBody = z.infer<typeof errorSchema>;

/** A resume of a batch that got no prediction. */
export const batchFailureSchema = z.object({
  name: z.string().nullable(),
  error: z.object({ code: z.literal('unreadable'), status: z.enum(unreadableStatuses), message: z.string() }),
});

/** `POST /v1/predict/batch` answer: one entry per item, in order. */
export const batchAnswerSchema = z.object({ predictions: z.array(z.union([predictionSchema, batchFailureSchema])) });

/** `GET /v1/model` answer. */
export const modelAnswerSchema = z.object({
  id: z.string(),
  name: z.string(),
  engine: z.string(),
  classes: z.array(z.string()),
  trainedAt: z.string().nullable(),
  documents: z.number().int(),
  metrics: z
    .object({ accuracy: z.number(), macroF1: z.number(), weightedF1: z.number(), logLoss: z.number(), ece: z.number(), testRows: z.number().int() })
    .nullable(),
  trainedBlind: z
    .boolean()
    .describe(
      'True when the model was trained blind: names, e-mails, phone numbers, street addresses and URLs were removed from the texts before training, and are removed before each prediction.',
    ),
  reviewThreshold: z.object({ value: z.number(), suggested: z.number(), isCustom: z.boolean(), basis: z.string() }),
});

/** `GET /v1/health` answer. */
export const healthAnswerSchema = z.object({
  status: z.enum(['ok', 'no_model']),
  model: z.object({ id: z.string(), name: z.string() }).nullable(),
  reason: z.string().nullable(),
});

/** A zod schema as a JSON Schema for Fastify and OpenAPI 3.1 (draft 2020-12, without its `$schema` tag). */
export function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
