/** The live chart of a run: loss and validation accuracy per epoch, across the run's fits. */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EpochPoint } from './use-live-training';
import { formatFixed } from '../../format/numbers';

/** Two lines (loss on the left axis, validation accuracy 0–1 on the right); hidden from assistive technology, the progress text says the same. */
export function TrainingProgressChart({ points }: { points: EpochPoint[] }) {
  return (
    <div
      className="training-chart"
      aria-hidden="true"
      data-testid="training-chart"
      data-points={points.length}
      data-losses={points.filter((p) => p.loss !== null).length}
      data-accuracies={points.filter((p) => p.validationAccuracy !== null).length}
    >
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid className="chart-grid" />
          <XAxis dataKey="step" className="chart-axis" tickLine={false} label={{ value: 'epoch (all fits)', position: 'insideBottomRight', offset: -2 }} />
          <YAxis yAxisId="loss" className="chart-axis" tickLine={false} width={44} tickFormatter={(v: number) => formatFixed(v, 2)} />
          <YAxis
            yAxisId="accuracy"
            orientation="right"
            domain={[0, 1]}
            className="chart-axis"
            tickLine={false}
            width={40}
            tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
          />
          <Tooltip wrapperClassName="chart-tooltip" isAnimationActive={false} formatter={(value) => formatFixed(Number(value), 3)} />
          <Legend />
          <Line
            yAxisId="loss"
            type="monotone"
            dataKey="loss"
            name="Loss"
            className="chart-line-loss"
            stroke="var(--chart-bar)"
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            yAxisId="accuracy"
            type="monotone"
            dataKey="validationAccuracy"
            name="Validation accuracy"
            stroke="var(--success)"
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
