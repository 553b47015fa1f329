import type { ReactNode } from 'react';
import { choiceFor } from './column-choices';

interface Props<Column extends { index: number }, Choice extends { index: number }> {
  className: string;
  headers: string[];
  columns: readonly Column[];
  choices: readonly Choice[];
  /** The cells of one column's row: what the file holds there and what the clerk chose for it. */
  children(column: Column, choice: Choice): ReactNode;
}

/** Either import's mapping table: a row for each column of the sheet, with the choice made for it. */
export function ColumnTable<Column extends { index: number }, Choice extends { index: number }>({ className, headers, columns, choices, children }: Props<Column, Choice>) {
  return (
    <table className={className}>
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header}>{header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {columns.map((column) => (
          <tr key={column.index}>{children(column, choiceFor(choices, column.index))}</tr>
        ))}
      </tbody>
    </table>
  );
}
