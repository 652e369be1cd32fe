/**
 * The no-network checks can fail: a page request to another host fails its test (the automatic
 * fixture, expected to fail here), and the e2e backend's preload blocks and records a connection
 * the backend itself would open. The check of the whole suite is in fixtures.ts and backend.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, isOutgoing, test } from './fixtures';

test('a request to another host fails the test', async ({ page }) => {
  test.fail(true, 'the outgoingRequests fixture must fail a test whose page calls another host');
  await page.goto('about:blank');
  // .invalid never resolves (RFC 2606): the request is made, nothing is reached.
  await page.evaluate(() => fetch('http://telemetry.invalid/ping', { mode: 'no-cors' }).catch(() => undefined));
});

test('what counts as outgoing: any host but this machine, over a network scheme', () => {
  expect(['http://127.0.0.1:4000/rpc/x', 'http://localhost:5/', 'ws://[::1]:9/', 'data:text/plain,x', 'blob:http://127.0.0.1/abc'].filter(isOutgoing)).toEqual(
    [],
  );
  expect(['https://example.com/', 'http://10.0.0.2/', 'wss://telemetry.invalid/'].filter(isOutgoing)).toHaveLength(3);
});

test('the backend cannot open a connection to another host, and says it tried', async ({ backend }) => {
  // The same preload as the backend's, in a child of this test: it must block, record and not connect.
  const log = path.join(backend.dataDir, 'probe.log');
  const script = `
    const http = require('node:http'); const dns = require('node:dns');
    const server = http.createServer((q, r) => r.end('ok')).listen(0, '127.0.0.1', () => {
      http.get({ host: '127.0.0.1', port: server.address().port }, (r) => {
        r.resume();
        http.get('http://203.0.113.9/', () => {}).on('error', (e) => {
          console.log('blocked:', e.message);
          dns.lookup('example.com', (err) => { console.log('dns:', err.code); process.exit(0); });
        });
      });
    });`;
  const out = execFileSync(process.execPath, ['--require', path.resolve('tests/e2e/no-network.cjs'), '-e', script], {
    env: { ...process.env, RESUME_STUDIO_NETWORK_LOG: log },
    encoding: 'utf8',
  });
  expect(out).toContain('blocked: Outgoing network connection to 203.0.113.9');
  expect(out).toContain('dns: ENOTFOUND');
  expect(fs.readFileSync(log, 'utf8')).toMatch(/connection to 203\.0\.113\.9:80[\s\S]*DNS lookup of example\.com/);
  expect(fs.readFileSync(log, 'utf8')).not.toContain('127.0.0.1');
  expect(backend.networkAttempts()).toEqual([]);
});
