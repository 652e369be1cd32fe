/** The reliability diagram: per confidence bin, how often the model was right, against the diagonal of perfect calibration. */
import { CartesianGrid, ComposedChart, Bar, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CalibrationReport } from '../../../preload/contract';
import { formatFixed } from '../../format/numbers';

/** Bars: accuracy per bin (bins with resumes only); line: the diagonal. */
export function ReliabilityChart({ calibration }: { calibration: CalibrationReport }) {
  const data = calibration.binsAfter
    .filter((b) => b.count > 0)
    .map((b) => ({ bin: `${Math.round(b.low * 100)}–${Math.round(b.high * 100)}%`, accuracy: b.accuracy, confidence: b.confidence, count: b.count }));
  return (
    <div className="reliability-chart">
      <div aria-hidden="true" data-testid="reliability-chart">
        <ResponsiveContainer width="100%" height={240}>
          <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid className="chart-grid" />
            <XAxis dataKey="bin" className="chart-axis" tickLine={false} />
            <YAxis domain={[0, 1]} className="chart-axis" tickLine={false} width={40} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
            <Tooltip wrapperClassName="chart-tooltip" isAnimationActive={false} formatter={(value) => `${formatFixed(Number(value) * 100, 1)}%`} />
            <Bar dataKey="accuracy" name="Accuracy in bin" fill="var(--chart-bar)" isAnimationActive={false} />
            <Line dataKey="confidence" name="Mean confidence (perfect calibration)" stroke="var(--warning)" dot isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden">
        <caption>Reliability: accuracy and mean confidence per confidence bin</caption>
        <thead>
          <tr>
            <th scope="col">Confidence bin</th>
            <th scope="col">Resumes</th>
            <th scope="col">Mean confidence</th>
            <th scope="col">Accuracy</th>
          </tr>
        </thead>
        <tbody>
          {data.map((b) => (
            <tr key={b.bin}>
              <th scope="row">{b.bin}</th>
              <td>{b.count}</td>
              <td>{formatFixed(b.confidence * 100, 1)}%</td>
              <td>{formatFixed(b.accuracy * 100, 1)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
