// The public prediction API over a real socket, with the real prediction engine (parse pool + prediction worker).
import fs from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp, type ApiServer } from '../../../main/api/api-app';
import { fileModelSource } from '../../../main/predict/model-source';
import { createPredictionEngine, type PredictionEngine } from '../../../main/predict/prediction-engine';
import { makeDocxBytes, makeTextPdfBytes, writeEncryptedPdf } from '../../fixtures/resume-files';
import { sampleModelJson, sampleResumes } from '../../fixtures/sample-model';
import { httpRequest, multipartFile, type RawRequest } from '../../helpers/http-request';
import { makeTempDir } from '../../helpers/temp-dir';

const token = 'test-token-0123456789';
let temp: ReturnType<typeof makeTempDir>;
let engine: PredictionEngine;
let api: ApiServer;
let baseUrl: string;
let host: string;

const auth = { authorization: `Bearer ${token}` };
const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { ...auth, 'content-type': 'application/json' } });
const call = (request: RawRequest) => httpRequest(baseUrl, request);

beforeAll(async () => {
  temp = makeTempDir();
  const modelFile = path.join(temp.dir, 'model.json');
  fs.writeFileSync(modelFile, sampleModelJson());
  engine = createPredictionEngine({ source: fileModelSource(modelFile) });
  api = await createApiApp({ engine, token: () => token, version: '0.0.0-test', bodyLimitBytes: 256 * 1024, maxFileBytes: 512 * 1024 });
  baseUrl = await api.listen(0);
  host = new URL(baseUrl).host;
});
afterAll(async () => {
  await api.close();
  await engine.close();
  temp.cleanup();
});

describe('public API security', () => {
  it('refuses a request without a token, or with a wrong one, with 401', async () => {
    const none = await call({ method: 'POST', path: '/v1/predict', body: JSON.stringify({ text: 'nurse' }), headers: { 'content-type': 'application/json' } });
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(none.json).toMatchObject({ error: { code: 'unauthorized', message: expect.stringMatching(/Authorization: Bearer/) } });
    const wrong = await call({ method: 'GET', path: '/v1/model', headers: { authorization: `Bearer ${token}x` } });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ error: { code: 'unauthorized', message: 'The API token is wrong.' } });
  });

  it('refuses a foreign Host (DNS rebinding) with 403, even with the token', async () => {
    const r = await call({ method: 'GET', path: '/v1/model', headers: { ...auth, host: 'evil.example:80' } });
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({ error: { code: 'forbidden', message: 'Host "evil.example:80" is not allowed.' } });
    // Loopback names match on any port: a container's port is often published as another one.
    for (const ok of [`localhost:${new URL(baseUrl).port}`, 'localhost:9000', '127.0.0.1', '[::1]:80']) {
      expect((await call({ path: '/v1/model', headers: { ...auth, host: ok } })).status, ok).toBe(200);
    }
    for (const bad of ['localhost.evil.example', '127.0.0.1.nip.io:80', 'api.example.com']) {
      expect((await call({ path: '/v1/model', headers: { ...auth, host: bad } })).status, bad).toBe(403);
    }
  });

  it('accepts the Host names it is told to (a load balancer), by name for any port or by name and port', async () => {
    const listed = await createApiApp({ engine, token: () => token, version: 'test', allowedHosts: ['api.example.com', 'lb.internal:8443'] });
    const url = await listed.listen(0);
    try {
      const status = (host: string) => httpRequest(url, { path: '/v1/model', headers: { ...auth, host } }).then((r) => r.status);
      expect(await status('api.example.com')).toBe(200);
      expect(await status('API.example.com:443')).toBe(200);
      expect(await status('lb.internal:8443')).toBe(200);
      expect(await status('lb.internal:80')).toBe(403);
      expect(await status('evil.example')).toBe(403);
    } finally {
      await listed.close();
    }
  });

  it('refuses any request from a browser page (Origin header) with 403, even with the token', async () => {
    const r = await call({ method: 'POST', path: '/v1/predict', ...json({ text: 'nurse' }), headers: { ...json({}).headers, origin: `http://${host}` } });
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({ error: { code: 'forbidden', message: expect.stringMatching(/web pages/) } });
  });

  it('refuses an oversized JSON body or file with 413', async () => {
    const big = await call({ method: 'POST', path: '/v1/predict', ...json({ text: 'a '.repeat(200 * 1024) }) });
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ error: { code: 'too_large' } });
    const upload = multipartFile('big.txt', new Uint8Array(600 * 1024).fill(97));
    const bigFile = await call({ method: 'POST', path: '/v1/predict', body: upload.body, headers: { ...auth, 'content-type': upload.contentType } });
    expect(bigFile.status).toBe(413);
  });

  it('answers malformed JSON, a wrong shape or a wrong content type with 400/415, never 500', async () => {
    const malformed = await call({ method: 'POST', path: '/v1/predict', body: '{"text": "nurse', headers: { ...auth, 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ error: { code: 'bad_request' } });
    for (const body of [{}, { text: '' }, { text: 42 }, { text: 'ok', extra: true }, [], 'text']) {
      const r = await call({ method: 'POST', path: '/v1/predict', ...json(body) });
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    for (const body of [{ items: [] }, { items: [{ text: 'x' }, { nope: 1 }] }, { items: 'x' }]) {
      expect((await call({ method: 'POST', path: '/v1/predict/batch', ...json(body) })).status, JSON.stringify(body)).toBe(400);
    }
    const noBody = await call({ method: 'POST', path: '/v1/predict', headers: auth });
    expect(noBody.status).toBe(400);
    const plain = await call({ method: 'POST', path: '/v1/predict', body: 'nurse', headers: { ...auth, 'content-type': 'text/plain' } });
    expect(plain.status).toBe(415);
    const emptyUpload = await call({
      method: 'POST',
      path: '/v1/predict',
      body: '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n',
      headers: { ...auth, 'content-type': 'multipart/form-data; boundary=b' },
    });
    expect(emptyUpload.status).toBe(400);
    const garbled = await call({
      method: 'POST',
      path: '/v1/predict',
      body: 'garbage',
      headers: { ...auth, 'content-type': 'multipart/form-data; boundary=b' },
    });
    expect(garbled.status).toBeGreaterThanOrEqual(400);
    expect(garbled.status).toBeLessThan(500);
  });

  it('answers any garbage body with a 4xx in the error shape, never a 500', async () => {
    const bodies = fc.oneof(
      fc.json().map((text) => ({ text, type: 'application/json' })),
      fc.string().map((text) => ({ text, type: 'application/json' })),
      fc.jsonValue().map((value) => ({ text: JSON.stringify({ items: value }), type: 'application/json' })),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ text: Buffer.from(bytes).toString('latin1'), type: 'multipart/form-data; boundary=x' })),
    );
    await fc.assert(
      fc.asyncProperty(bodies, fc.constantFrom('/v1/predict', '/v1/predict/batch'), async (body, route) => {
        const r = await call({ method: 'POST', path: route, body: body.text, headers: { ...auth, 'content-type': body.type } });
        // A JSON string body or an object with "text" may be a valid request (200 or 422): anything but a server error.
        expect(r.status).toBeLessThan(500);
        if (r.status >= 400) expect(r.json).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('takes the upload only from the field "file", as documented', async () => {
    const resume = sampleResumes(1)[0]!;
    const elsewhere = multipartFile('r.txt', new TextEncoder().encode(resume.text), 'text/plain', 'resume');
    const r = await call({ method: 'POST', path: '/v1/predict', body: elsewhere.body, headers: { ...auth, 'content-type': elsewhere.contentType } });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(/field "resume".*field "file"/) } });
  });

  it('answers an unreadable file with 422 and the reason', async () => {
    const encrypted = fs.readFileSync(await writeEncryptedPdf(temp.dir));
    const upload = multipartFile('locked.pdf', encrypted, 'application/pdf');
    const r = await call({ method: 'POST', path: '/v1/predict', body: upload.body, headers: { ...auth, 'content-type': upload.contentType } });
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({ error: { code: 'unreadable', status: 'encrypted', message: expect.stringMatching(/^locked\.pdf: .*password/) } });
    const noWords = await call({ method: 'POST', path: '/v1/predict', ...json({ text: '0123 4567 89' }) });
    expect(noWords.status).toBe(422);
    expect(noWords.json).toMatchObject({ error: { code: 'unreadable', status: 'no_text' } });
  });
});

describe('public API answers', () => {
  it('predicts JSON text and an uploaded PDF or DOCX with the same answer the engine gives for the same bytes', async () => {
    const resume = sampleResumes(1)[0]!;
    const text = await call({ method: 'POST', path: '/v1/predict', ...json({ text: resume.text, name: 'r.txt' }) });
    expect(text.status).toBe(200);
    expect(text.json).toMatchObject({ name: 'r.txt', label: resume.category, model: { name: 'model.json' } });
    for (const [name, bytes] of [
      ['resume.pdf', await makeTextPdfBytes({ lines: resume.text.split('\n') })],
      ['resume.docx', await makeDocxBytes(resume.text.split('\n'))],
    ] as const) {
      const upload = multipartFile(name, bytes);
      const r = await call({ method: 'POST', path: '/v1/predict', body: upload.body, headers: { ...auth, 'content-type': upload.contentType } });
      expect(r.status, name).toBe(200);
      const direct = await engine.predictBytes(bytes, name);
      expect(direct.ok).toBe(true);
      expect(r.json).toEqual(direct.ok ? direct.prediction : null);
      expect(r.json).toMatchObject({ label: resume.category });
    }
  });

  it('predicts a batch in order, with a failure in place for an unusable item', async () => {
    const resumes = sampleResumes(2);
    const items = [...resumes.map((r, i) => ({ text: r.text, name: `r${i}` })), { text: '### 123', name: 'noise' }];
    const r = await call({ method: 'POST', path: '/v1/predict/batch', ...json({ items }) });
    expect(r.status).toBe(200);
    const { predictions } = r.json as { predictions: { name: string; label?: string; error?: { status: string } }[] };
    expect(predictions.map((p) => p.name)).toEqual([...resumes.map((_, i) => `r${i}`), 'noise']);
    expect(predictions.at(-1)).toMatchObject({ error: { code: 'unreadable', status: 'no_text' } });
    expect(predictions.slice(0, -1).filter((p, i) => p.label === resumes[i]!.category).length).toBeGreaterThanOrEqual(5);
  });

  it('describes the model, and reports health without a token', async () => {
    const model = await call({ path: '/v1/model', headers: auth });
    expect(model.status).toBe(200);
    expect(model.json).toMatchObject({ engine: 'fast', classes: ['Accountant', 'Nurse', 'Software Engineer'], reviewThreshold: { value: 0.5 } });
    const health = await call({ path: '/v1/health' });
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: 'ok', model: { name: 'model.json' } });
  });

  it('serves an OpenAPI 3.1 document that validates and lists every endpoint', async () => {
    const r = await call({ path: '/v1/openapi.json' });
    expect(r.status).toBe(200);
    const document = r.json as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual(['/v1/health', '/v1/model', '/v1/openapi.json', '/v1/predict', '/v1/predict/batch']);
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it('answers an unknown path with 404 in the error shape', async () => {
    const r = await call({ path: '/v1/nope', headers: auth });
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('public API rate limit', () => {
  it('answers a flood with 429 and says when to retry', async () => {
    const limited = await createApiApp({ engine, token: () => token, version: 'test', rateLimit: { max: 5, timeWindowMs: 60_000 } });
    const url = await limited.listen(0);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await httpRequest(url, { path: '/v1/model', headers: auth })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      const last = await httpRequest(url, { path: '/v1/model', headers: { authorization: 'Bearer guess' } });
      expect(last.status).toBe(429);
      expect(last.headers['retry-after']).toBeDefined();
      expect(last.json).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/Too many requests/) } });
    } finally {
      await limited.close();
    }
  });
});

describe('public API rate limit behind a proxy', () => {
  // Every test socket comes from 127.0.0.1: here it plays the load balancer.
  const floodFrom = async (url: string, forwardedFor: (i: number) => string, count: number) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++)
      statuses.push((await httpRequest(url, { path: '/v1/model', headers: { ...auth, 'x-forwarded-for': forwardedFor(i) } })).status);
    return statuses;
  };

  it('counts per client named by a trusted proxy’s X-Forwarded-For, and a client forging the header gains nothing', async () => {
    const limited = await createApiApp({
      engine,
      token: () => token,
      version: 'test',
      rateLimit: { max: 3, timeWindowMs: 60_000 },
      trustedProxies: ['127.0.0.1'],
    });
    const url = await limited.listen(0);
    try {
      // Two clients behind the proxy each get their own budget.
      expect(await floodFrom(url, () => '203.0.113.7', 4)).toEqual([200, 200, 200, 429]);
      expect(await floodFrom(url, () => '198.51.100.9', 3)).toEqual([200, 200, 200]);
      // A client that forges the header: the proxy appends the address it saw, and that is the one counted.
      expect(await floodFrom(url, (i) => `192.0.2.${i}, 203.0.113.7`, 2)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('ignores X-Forwarded-For from an address that is not a trusted proxy', async () => {
    for (const trustedProxies of [undefined, ['10.0.0.0/8']]) {
      const limited = await createApiApp({ engine, token: () => token, version: 'test', rateLimit: { max: 3, timeWindowMs: 60_000 }, trustedProxies });
      const url = await limited.listen(0);
      try {
        expect(await floodFrom(url, (i) => `192.0.2.${i}`, 4)).toEqual([200, 200, 200, 429]);
      } finally {
        await limited.close();
      }
    }
  });
});
