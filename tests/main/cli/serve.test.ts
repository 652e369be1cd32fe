// `resume-studio serve`: what it refuses before serving (the serving itself is tested over a real
// socket in tests/main/api and, from the production dependencies only, in tests/build).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCommand } from '../../../main/cli/commands/serve';
import { sampleModelJson } from '../../fixtures/sample-model';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let model: string;
const run = async (argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await serveCommand.run(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

beforeAll(() => {
  temp = makeTempDir();
  model = path.join(temp.dir, 'model.json');
  fs.writeFileSync(model, sampleModelJson());
});
afterAll(() => temp.cleanup());

describe('resume-studio serve', () => {
  it('refuses bad options with exit code 2 and says which', async () => {
    expect(await run(['--model', model, '--port', 'x'])).toMatchObject({ code: 2, err: expect.stringMatching(/--port must be/) });
    expect(await run(['--model', model, '--rate-limit=-1'])).toMatchObject({ code: 2 });
    expect(await run(['--model', model, '--review-threshold', '2'])).toMatchObject({ code: 2, err: expect.stringMatching(/between 0 and 1/) });
    expect(await run(['--model', model, '--token', 'short'])).toMatchObject({ code: 2, err: expect.stringMatching(/at least 16 characters/) });
    expect(await run(['--model', model, '--trust-proxy', 'lb.example'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/"lb.example" is not an IP address/),
    });
    expect(await run(['--model', model, '--trust-proxy', '10.0.0.0/33'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/not an IP address, a CIDR range/),
    });
  });

  it('names a missing model file', async () => {
    await expect(run(['--model', path.join(temp.dir, 'missing.json')])).rejects.toThrow(/missing\.json: cannot read the model: it does not exist\./);
  });

  it('says in a sentence that the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const r = await run(['--model', model, '--port', String(port), '--token', 'a-token-of-enough-length']);
      expect(r).toMatchObject({ code: 1, err: `error: Port ${port} is already used by another program; choose another port.` });
    } finally {
      blocker.close();
    }
  });
});
