/** The bridge refuses calls without the session token (401) and from a foreign Host (403). */
import http from 'node:http';
import { expect, test } from './fixtures';

test('an RPC without the token is refused with 401; with it, it works', async ({ request, backend }) => {
  const refused = await request.post(`${backend.origin}/rpc/app.info`, { data: {} });
  expect(refused.status()).toBe(401);
  const allowed = await request.post(`${backend.origin}/rpc/app.info`, { data: {}, headers: { 'x-studio-token': backend.token } });
  expect(allowed.status()).toBe(200);
  expect(await allowed.json()).toMatchObject({ ok: true, value: { dataDir: backend.dataDir, transport: 'http' } });
});

test('the event stream without the token is refused with 401', async ({ request, backend }) => {
  const refused = await request.get(`${backend.origin}/events`);
  expect(refused.status()).toBe(401);
});

test('a request with a foreign Host header is refused with 403 (DNS rebinding)', async ({ backend }) => {
  // node:http rather than APIRequestContext, which sets Host from the URL.
  const { port } = new URL(backend.origin);
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/', headers: { host: `evil.example:${port}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
  expect(status).toBe(403);
});
