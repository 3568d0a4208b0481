import { formatCount } from '../../lib/format.js';

interface ChartTableProps {
  caption: string;
  columns: [string, string];
  rows: { label: string; value: number | string }[];
}

/**
 * The numbers behind a chart, for screen readers; the drawing itself is hidden from them.
 * The wrapper does the hiding: a table grows to fit its cells whatever width it is given.
 */
export function ChartTable({ caption, columns, rows }: ChartTableProps) {
  return (
    <div className="visually-hidden">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns[0]}</th>
            <th scope="col">{columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{typeof row.value === 'number' ? formatCount(row.value) : row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
