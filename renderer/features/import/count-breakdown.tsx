/** A small two-column table of counts, e.g. files per category or per type in an import preview. */
import { formatCount } from '../../format/numbers';

/** Rows of `name → count`, largest first as given; `caption` names the table. */
export function CountBreakdown({
  caption,
  rows,
  nameHeader,
}: {
  caption: string;
  nameHeader: string;
  rows: { name: string; count: number; isMuted?: boolean }[];
}) {
  return (
    <table className="data-table compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{nameHeader}</th>
          <th scope="col" className="numeric">
            Files
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row" className={row.isMuted ? 'muted' : undefined}>
              {row.name}
            </th>
            <td className="numeric">{formatCount(row.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
