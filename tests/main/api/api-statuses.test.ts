// Every status the public API answers is in its OpenAPI document, and every documented status is
// answered: each route gets the same probe set (bad token, web page, foreign Host, flood, bad
// bodies, no model, a stopped engine…) over real sockets and the real prediction engine, and the
// statuses seen per route must equal the ones documented.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp, type ApiServer } from '../../../main/api/api-app';
import { fileModelSource, type ModelSource } from '../../../main/predict/model-source';
import { createPredictionEngine, type PredictionEngine } from '../../../main/predict/prediction-engine';
import { writeEncryptedPdf } from '../../fixtures/resume-files';
import { sampleModelJson, sampleResumes } from '../../fixtures/sample-model';
import { httpRequest, multipartFile, type RawRequest } from '../../helpers/http-request';
import { makeTempDir } from '../../helpers/temp-dir';

const token = 'test-token-0123456789';
const auth = { authorization: `Bearer ${token}` };
const jsonHeaders = { ...auth, 'content-type': 'application/json' };
const noModel: ModelSource = { read: () => ({ entry: null, reason: 'No model has been trained yet.' }), subscribe: () => () => undefined };

let temp: ReturnType<typeof makeTempDir>;
const engines: PredictionEngine[] = [];
const servers: ApiServer[] = [];
/** Base URLs: a working server, one with a tiny rate limit, one without a model, one whose prediction threads are stopped. */
const urls = { ok: '', limited: '', noModel: '', stopped: '' };

const routes = [
  { method: 'POST', path: '/v1/predict' },
  { method: 'POST', path: '/v1/predict/batch' },
  { method: 'GET', path: '/v1/model' },
  { method: 'GET', path: '/v1/health' },
  { method: 'GET', path: '/v1/openapi.json' },
] as const;
type Route = (typeof routes)[number];

/** A good request for each route (the body a route expects, with the token). */
function goodRequest(route: Route, text: string): RawRequest {
  if (route.path === '/v1/predict') return { method: route.method, path: route.path, headers: jsonHeaders, body: JSON.stringify({ text, name: 'r.txt' }) };
  if (route.path === '/v1/predict/batch') return { method: route.method, path: route.path, headers: jsonHeaders, body: JSON.stringify({ items: [{ text }] }) };
  return { method: route.method, path: route.path, headers: auth };
}

/** The probes every route gets, as (server, request) pairs. */
async function probesFor(route: Route, text: string, encrypted: Uint8Array): Promise<[keyof typeof urls, RawRequest][]> {
  const good = goodRequest(route, text);
  const upload = multipartFile('locked.pdf', encrypted, 'application/pdf');
  const noFile = '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n';
  const variants: RawRequest[] = [
    good,
    { ...good, headers: { ...good.headers, authorization: 'Bearer wrong-token-0123456789' } },
    { ...good, headers: Object.fromEntries(Object.entries(good.headers ?? {}).filter(([k]) => k !== 'authorization')) },
    { ...good, headers: { ...good.headers, origin: 'http://page.example' } },
    { ...good, headers: { ...good.headers, host: 'evil.example' } },
    { ...good, headers: { ...auth, 'content-type': 'application/json' }, body: '{"text": ' },
    { ...good, headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ text: '' }) },
    { ...good, headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x '.repeat(200 * 1024) }) },
    { ...good, headers: { ...auth, 'content-type': 'text/plain' }, body: 'nurse' },
    { ...good, headers: { ...auth, 'content-type': 'multipart/form-data; boundary=b' }, body: noFile },
    { ...good, headers: { ...auth, 'content-type': upload.contentType }, body: upload.body },
    { ...good, headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ text: '0123 4567' }) },
  ];
  const probes: [keyof typeof urls, RawRequest][] = variants.map((v) => ['ok', v]);
  // Three good requests on a server that allows two a minute.
  for (let i = 0; i < 3; i++) probes.push(['limited', good]);
  probes.push(['noModel', good], ['stopped', good]);
  return probes;
}

beforeAll(async () => {
  temp = makeTempDir();
  const modelFile = path.join(temp.dir, 'model.json');
  fs.writeFileSync(modelFile, sampleModelJson());
  const start = async (key: keyof typeof urls, source: ModelSource, rateLimit: { max: number; timeWindowMs: number } | null) => {
    const engine = createPredictionEngine({ source });
    engines.push(engine);
    await engine.ready();
    const api = await createApiApp({ engine, token: () => token, version: 'test', bodyLimitBytes: 256 * 1024, maxFileBytes: 512 * 1024, rateLimit });
    servers.push(api);
    urls[key] = await api.listen(0);
    return engine;
  };
  await start('ok', fileModelSource(modelFile), null);
  await start('limited', fileModelSource(modelFile), { max: 2, timeWindowMs: 60_000 });
  await start('noModel', noModel, null);
  const stopped = await start('stopped', fileModelSource(modelFile), null);
  // Its model stays announced, but the threads that would run it are gone: a failure that is no one resume's fault.
  await stopped.close();
});
afterAll(async () => {
  for (const server of servers) await server.close();
  for (const engine of engines) await engine.close();
  temp.cleanup();
});

describe('public API statuses', () => {
  it('answers on each route exactly the statuses its OpenAPI entry documents', async () => {
    const document = (await httpRequest(urls.ok, { path: '/v1/openapi.json' })).json as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const text = sampleResumes(1)[0]!.text;
    const encrypted = fs.readFileSync(await writeEncryptedPdf(temp.dir));
    const seen: Record<string, number[]> = {};
    const documented: Record<string, number[]> = {};
    for (const route of routes) {
      const statuses = new Set<number>();
      for (const [server, request] of await probesFor(route, text, encrypted)) statuses.add((await httpRequest(urls[server], request)).status);
      seen[`${route.method} ${route.path}`] = [...statuses].sort();
      documented[`${route.method} ${route.path}`] = Object.keys(document.paths[route.path]?.[route.method.toLowerCase()]?.responses ?? {})
        .map(Number)
        .sort();
    }
    expect(seen).toEqual(documented);
  });

  it('never rate-limits the health probe', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await httpRequest(urls.limited, { path: '/v1/health' })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });
});
