/** Documents per category, as a table with a proportional bar for a quick sense of balance. */
import type { CategoryCount } from '../../../preload/contract';

/** One row per category, largest first. */
export function CategoryTable({ categories }: { categories: CategoryCount[] }) {
  const sorted = [...categories].sort((a, b) => b.documents - a.documents || a.category.localeCompare(b.category));
  const largest = Math.max(1, ...sorted.map((c) => c.documents));
  return (
    <section className="card" aria-labelledby="categories-title">
      <h2 id="categories-title">Categories</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col" className="numeric">
              Documents
            </th>
            <th scope="col">
              <span className="visually-hidden">Share</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.category}>
              <th scope="row">{row.category}</th>
              <td className="numeric">{row.documents.toLocaleString()}</td>
              <td className="bar-cell" aria-hidden="true">
                <meter className="bar" min={0} max={largest} value={row.documents} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
