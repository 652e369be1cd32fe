/** The first rows of a CSV / JSONL dataset, cells cut short, with the chosen columns highlighted. */

const maxCellChars = 80;

const truncate = (value: string) => (value.length > maxCellChars ? `${value.slice(0, maxCellChars - 1)}…` : value);

/** A scrollable sample table; the full cell text is in each cell's title. */
export function SampleRowsTable({
  columns,
  rows,
  textColumn,
  labelColumn,
}: {
  columns: string[];
  rows: Record<string, string>[];
  textColumn: string;
  labelColumn: string;
}) {
  const roleOf = (column: string) => (column === textColumn ? 'text' : column === labelColumn ? 'label' : null);
  return (
    <div className="sample-table-wrap" tabIndex={0} role="region" aria-label="Sample rows">
      <table className="data-table compact sample-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className={roleOf(column) ? `mapped mapped-${roleOf(column)}` : undefined}>
                {column}
                {roleOf(column) ? <span className="mapped-tag">{roleOf(column)}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {columns.map((column) => (
                <td key={column} title={row[column]} className={roleOf(column) ? 'mapped' : undefined}>
                  {truncate(row[column] ?? '')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
