/**
 * README's generated blocks: a line `<!-- readme-example: NAME -->` followed by a fenced code block
 * whose body the examples script writes. Replacing and comparing work on those bodies only, so the
 * prose around them stays hand-written.
 */

/** A marker line, the fence after it, its body and its closing fence. */
const BLOCK = /<!-- readme-example: ([\w-]+) -->\n(```\w*\n)([\s\S]*?)\n```/g;

/** Every generated block's body in `readme`, by name. */
export function readBlocks(readme: string): Map<string, string> {
  return new Map([...readme.matchAll(BLOCK)].map((m) => [m[1]!, m[3]!]));
}

/** `readme` with the named blocks' bodies replaced (blocks not in `bodies` are left as they are). */
export function writeBlocks(readme: string, bodies: ReadonlyMap<string, string>): string {
  return readme.replace(BLOCK, (whole, name: string, fence: string) => {
    const body = bodies.get(name);
    return body === undefined ? whole : `<!-- readme-example: ${name} -->\n${fence}${body}\n\`\`\``;
  });
}

/** The names whose body in `readme` differs from `bodies` (a block missing from README counts as different). */
export function staleBlocks(readme: string, bodies: ReadonlyMap<string, string>): string[] {
  const written = readBlocks(readme);
  return [...bodies].filter(([name, body]) => written.get(name) !== body).map(([name]) => name);
}
