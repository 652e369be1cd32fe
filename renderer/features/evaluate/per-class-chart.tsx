/** Per-class precision, recall and F1 as grouped horizontal bars, with the same numbers as a table for assistive technology. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ClassMetrics } from '../../../preload/contract';
import { formatCount, formatFixed } from '../../format/numbers';

/** The chart plus a visually hidden table. */
export function PerClassChart({ perClass }: { perClass: ClassMetrics[] }) {
  const longest = Math.max(4, ...perClass.map((c) => c.label.length));
  return (
    <div className="per-class-chart">
      <div aria-hidden="true" data-testid="per-class-chart">
        <ResponsiveContainer width="100%" height={Math.max(200, perClass.length * 44 + 40)}>
          <BarChart data={perClass} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }} barCategoryGap={6} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} className="chart-grid" />
            <XAxis type="number" domain={[0, 1]} className="chart-axis" tickLine={false} />
            <YAxis type="category" dataKey="label" width={Math.min(220, longest * 8.6 + 16)} className="chart-axis" tickLine={false} axisLine={false} />
            <Tooltip wrapperClassName="chart-tooltip" isAnimationActive={false} formatter={(value) => formatFixed(Number(value), 3)} />
            <Legend />
            <Bar dataKey="precision" name="Precision" fill="var(--chart-bar)" isAnimationActive={false} />
            <Bar dataKey="recall" name="Recall" fill="var(--chart-bar-tiny)" isAnimationActive={false} />
            <Bar dataKey="f1" name="F1" fill="var(--success)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden">
        <caption>Precision, recall and F1 per category</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Precision</th>
            <th scope="col">Recall</th>
            <th scope="col">F1</th>
            <th scope="col">Support</th>
          </tr>
        </thead>
        <tbody>
          {perClass.map((c) => (
            <tr key={c.label}>
              <th scope="row">{c.label}</th>
              <td>{formatFixed(c.precision, 3)}</td>
              <td>{formatFixed(c.recall, 3)}</td>
              <td>{formatFixed(c.f1, 3)}</td>
              <td>{formatCount(c.support)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
