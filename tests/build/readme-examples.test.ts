/**
 * README's prediction examples are the output of `npm run docs:examples` (bin/readme-examples): a
 * fresh run on the generated sample must give the very figures README shows, and a figure edited
 * by hand must be caught. (The livecareer blocks need the real corpus: `npm run docs:examples --
 * --check --data …` checks them; tests never read real resumes.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readmeExamples } from '../../bin/readme-examples/examples';
import { readBlocks, staleBlocks, writeBlocks } from '../../bin/readme-examples/readme-blocks';

const root = path.resolve(import.meta.dirname, '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
let fresh: Map<string, string>;

beforeAll(async () => {
  fresh = await readmeExamples({ root });
}, 180_000);

describe("README's prediction examples", () => {
  it('are what a fresh run of the commands prints', () => {
    expect([...fresh.keys()].sort()).toEqual(['api-sample', 'cli-sample']);
    for (const [name, body] of fresh) expect(readBlocks(readme).get(name), name).toBe(body);
    expect(staleBlocks(readme, fresh)).toEqual([]);
  });

  it('catch a figure edited by hand', () => {
    const cli = readBlocks(readme).get('cli-sample')!;
    const percent = /\((\d+)\.(\d)%\)/.exec(cli)!;
    const edited = cli.replace(percent[0], `(${percent[1]}.${(Number(percent[2]) + 1) % 10}%)`);
    const handEdited = writeBlocks(readme, new Map([['cli-sample', edited]]));
    expect(handEdited).not.toBe(readme);
    expect(staleBlocks(handEdited, fresh)).toEqual(['cli-sample']);
    const apiEdited = writeBlocks(readme, new Map([['api-sample', readBlocks(readme).get('api-sample')!.replace('"label":"', '"label":"X')]]));
    expect(staleBlocks(apiEdited, fresh)).toEqual(['api-sample']);
  });

  it('leave no prediction figure outside a generated block', () => {
    const outside = readme.replace(/<!-- readme-example: [\w-]+ -->\n```\w*\n[\s\S]*?\n```/g, '');
    // A CLI answer ("file: Label (12.3%)") or an API answer ("probability": …) written by hand.
    expect(outside.match(/^#.*: \S.*\(\d+\.\d%\)$/gm) ?? []).toEqual([]);
    expect(outside.match(/"probability":\s*\d/g) ?? []).toEqual([]);
  });
});
