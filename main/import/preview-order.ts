/** The order of categories in an import preview. Pure. */

/** Categories by name, the unlabelled (null) group last. */
export function byCategoryOrder(a: { category: string | null }, b: { category: string | null }): number {
  if (a.category === b.category) return 0;
  if (a.category === null) return 1;
  if (b.category === null) return -1;
  return a.category.localeCompare(b.category);
}
