/** Which category names are the same name written differently. Pure; used by the data-health summary. */
import type { CategoryCount, SimilarCategories } from '../../preload/contract';

/** A name's key with case, accents, spacing and punctuation removed: "Information-Technology" and "INFORMATION TECHNOLOGY" share it. */
export function categoryKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Groups of two or more categories with the same key, largest group first; each suggests its biggest name. */
export function similarCategories(counts: readonly CategoryCount[]): SimilarCategories[] {
  const byKey = new Map<string, CategoryCount[]>();
  for (const count of counts) {
    const key = categoryKey(count.category);
    // A name with no letter or digit (e.g. "--") has nothing to compare.
    if (!key) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), count]);
  }
  return [...byKey.values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const categories = [...group].sort((a, b) => b.documents - a.documents || a.category.localeCompare(b.category));
      return { categories, suggested: categories[0]!.category };
    })
    .sort((a, b) => b.categories.length - a.categories.length || a.suggested.localeCompare(b.suggested));
}
