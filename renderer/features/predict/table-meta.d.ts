/** Column metadata the batch table reads: the class of the column's cells. */
import '@tanstack/react-table';

declare module '@tanstack/react-table' {
  // Merged declarations must repeat the library's type parameters, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    className?: string;
  }
}
