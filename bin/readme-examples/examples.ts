/**
 * The figures README shows for its CLI and API prediction examples, produced by the real commands:
 * `train` writes a model file, `predict` prints a resume file's category, and the prediction API
 * (its Fastify app, asked through inject(), no socket) answers the same text. The sample examples
 * train on the generated sample, so anyone can rerun them; the livecareer ones need `--data`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiApp } from '../../main/api/api-app';
import type { Command } from '../../main/cli/command';
import { predictCommand } from '../../main/cli/commands/predict';
import { trainCommand } from '../../main/cli/commands/train';
import { openPrediction } from '../../main/cli/open-prediction';

/** README's nurse example: the text every example predicts. */
export const NURSE_TEXT = 'Registered nurse: ICU, triage, medication administration, BLS and ACLS';
/** A one-line developer resume, the other short text the livecareer example shows. */
export const DEVELOPER_TEXT = 'Java developer: Spring Boot, REST APIs, SQL and microservices';

/** Runs a CLI command, returning its stdout lines (stderr is kept for the error message). */
async function run(command: Command, argv: string[]): Promise<string[]> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  if (code !== 0) throw new Error(`resume-studio ${command.name} ${argv.join(' ')} failed (${code}): ${err.join(' ')}`);
  return out;
}

/** The API's answer for one text, as README abbreviates it: two alternatives, two terms, no model id. */
function abbreviatedAnswer(answer: Record<string, unknown>): string[] {
  const { top, evidence, model, ...head } = answer as { top: unknown[]; evidence: unknown[]; model: { name: string } } & Record<string, unknown>;
  const { truncated, ...first } = head;
  const list = (items: unknown[]) =>
    `[${items
      .slice(0, 2)
      .map((item) => JSON.stringify(item))
      .join(',')}${items.length > 2 ? ',…' : ''}]`;
  return [
    `${JSON.stringify(first).slice(0, -1)},`,
    ` "top":${list(top)},`,
    ` "evidence":${list(evidence)},`,
    ` "truncated":${JSON.stringify(truncated)},"model":{"id":"sha256:…","name":${JSON.stringify(model.name)}}}`,
  ];
}

/** What one model file says about some texts: `predict`'s lines per text file, and the API's answer per text. */
async function predictWith(model: string, dir: string, texts: { file: string; text: string }[]): Promise<{ cli: string[][]; api: string[][] }> {
  const cli: string[][] = [];
  for (const { file, text } of texts) {
    const full = path.join(dir, file);
    fs.writeFileSync(full, `${text}\n`);
    cli.push((await run(predictCommand, ['--model', model, full])).map((line) => line.replace(full, file)));
  }
  const opened = await openPrediction({ modelFile: model });
  const token = 'readme-example-token';
  // Asked through inject() without listening, so the loopback name README's curl uses is allowed explicitly.
  const api = await createApiApp({ engine: opened.engine, token: () => token, version: 'readme', allowedHosts: ['127.0.0.1:8765'] });
  try {
    const answers: string[][] = [];
    for (const { file, text } of texts) {
      const reply = await api.app.inject({
        method: 'POST',
        url: '/v1/predict',
        headers: { host: '127.0.0.1:8765', authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: { text, name: file },
      });
      if (reply.statusCode !== 200) throw new Error(`POST /v1/predict answered ${reply.statusCode}: ${reply.body}`);
      answers.push(abbreviatedAnswer(reply.json()));
    }
    return { cli, api: answers };
  } finally {
    await api.close();
    await opened.close();
  }
}

const comment = (lines: string[]) => lines.map((line) => `# ${line}`);

/** Every README block these examples fill, by name (see readme-blocks.ts); `data`: the livecareer corpus, for its blocks. */
export async function readmeExamples(options: { data?: string; root: string }): Promise<Map<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-examples-'));
  const blocks = new Map<string, string>();
  try {
    const sampleModel = path.join(dir, 'model.json');
    await run(trainCommand, ['--data', 'sample', '--out', sampleModel]);
    const sample = await predictWith(sampleModel, dir, [{ file: 'r.txt', text: NURSE_TEXT }]);
    blocks.set(
      'cli-sample',
      [
        'npx resume-studio train --data sample --out model.json',
        `echo "${NURSE_TEXT}" > r.txt`,
        'npx resume-studio predict --model model.json r.txt',
        ...comment(sample.cli[0]!),
      ].join('\n'),
    );
    blocks.set(
      'api-sample',
      [
        `curl -s -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
        `     -d '{"text": "${NURSE_TEXT}", "name": "r.txt"}' \\`,
        '     http://127.0.0.1:8765/v1/predict',
        ...comment(sample.api[0]!),
      ].join('\n'),
    );
    if (options.data) {
      const model = path.join(dir, 'livecareer.json');
      const data = path.relative(options.root, path.resolve(options.data));
      await run(trainCommand, ['--data', options.data, '--out', model]);
      const texts = [
        { file: 'r.txt', text: NURSE_TEXT },
        { file: 'dev.txt', text: DEVELOPER_TEXT },
      ];
      const live = await predictWith(model, dir, texts);
      blocks.set(
        'cli-livecareer',
        [
          `npx resume-studio train --data ${data} --out livecareer.json`,
          `echo "${DEVELOPER_TEXT}" > dev.txt`,
          'npx resume-studio predict --model livecareer.json r.txt dev.txt',
          ...comment(live.cli.flat()),
        ].join('\n'),
      );
      blocks.set(
        'api-livecareer',
        [`# POST /v1/predict {"text": "${NURSE_TEXT}", "name": "r.txt"} with livecareer.json served:`, ...comment(live.api[0]!)].join('\n'),
      );
    }
    return blocks;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
