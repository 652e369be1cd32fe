/** Macro-F1 and accuracy on the held-out resumes as the training side grows: does more data still help? */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LearningCurvePoint } from '../../../preload/contract';
import { formatFixed } from '../../format/numbers';

/** The curve plus a visually hidden table. */
export function LearningCurveChart({ points }: { points: LearningCurvePoint[] }) {
  return (
    <div>
      <div aria-hidden="true" data-testid="learning-curve-chart">
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid className="chart-grid" />
            <XAxis dataKey="trainDocs" className="chart-axis" tickLine={false} />
            <YAxis domain={[0, 1]} className="chart-axis" tickLine={false} width={40} />
            <Tooltip wrapperClassName="chart-tooltip" isAnimationActive={false} formatter={(value) => formatFixed(Number(value), 3)} />
            <Legend />
            <Line dataKey="macroF1" name="Macro-F1" stroke="var(--chart-bar)" isAnimationActive={false} />
            <Line dataKey="accuracy" name="Accuracy" stroke="var(--success)" isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden">
        <caption>Learning curve</caption>
        <thead>
          <tr>
            <th scope="col">Training resumes</th>
            <th scope="col">Macro-F1</th>
            <th scope="col">Accuracy</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.trainDocs}>
              <th scope="row">{p.trainDocs}</th>
              <td>{formatFixed(p.macroF1, 3)}</td>
              <td>{formatFixed(p.accuracy, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
