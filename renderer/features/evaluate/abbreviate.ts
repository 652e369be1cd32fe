/**
 * Short, distinct column headings for a wide confusion matrix: a name of several words
 * ("INFORMATION-TECHNOLOGY") becomes its initials ("IT"), one word its first three letters
 * ("ACC"); names that would collide grow letters until they differ. Pure.
 */

/** The abbreviation of each name, in order; every one distinct. */
export function abbreviateLabels(names: readonly string[]): string[] {
  const words = names.map((name) => name.split(/[\s_/-]+/).filter(Boolean));
  const lengths = names.map(() => 0);
  const of = (i: number): string => {
    const parts = words[i]!;
    const extra = lengths[i]!;
    if (parts.length > 1) return parts.map((w, k) => (k === parts.length - 1 ? w.slice(0, 1 + extra) : w[0])).join('');
    return names[i]!.slice(0, 3 + extra);
  };
  for (let round = 0; round < 40; round++) {
    const shown = names.map((_, i) => of(i));
    const seen = new Map<string, number[]>();
    shown.forEach((s, i) => seen.set(s.toLowerCase(), [...(seen.get(s.toLowerCase()) ?? []), i]));
    const clashing = [...seen.values()].filter((ids) => ids.length > 1).flat();
    if (clashing.length === 0) return shown;
    for (const i of clashing) lengths[i]!++;
  }
  return [...names];
}
