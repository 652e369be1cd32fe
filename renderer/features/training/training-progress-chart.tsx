/**
 * The live chart of a run: the stage it is in (a fit's learning epochs, or the settings tried while
 * choosing C and features), with what a learner can read: which fit, its loss or held-out accuracy
 * at this step, on axes that start at zero and span the whole stage.
 */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EpochPoint } from './use-live-training';
import { formatFixed, formatPercent } from '../../format/numbers';

/** A loss tick with two significant digits ("0.015", "0.3"), not "0.01" for 0.015. */
const lossTick = (value: number) => (value === 0 ? '0' : String(Number(value.toPrecision(2))));

/** The current stage's points: loss (left axis, from 0) and held-out accuracy (right axis, 0–100%); straight lines between measured points. */
export function TrainingProgressChart({ points }: { points: EpochPoint[] }) {
  const last = points.at(-1);
  const stage = last ? points.filter((p) => p.fit === last.fit) : [];
  const hasLoss = stage.some((p) => p.loss !== null);
  const hasAccuracy = stage.some((p) => p.validationAccuracy !== null);
  const latestLoss = [...stage].reverse().find((p) => p.loss !== null)?.loss ?? null;
  const latestAccuracy = [...stage].reverse().find((p) => p.validationAccuracy !== null)?.validationAccuracy ?? null;
  const isTuning = /choosing/.test(last?.fit ?? '');
  return (
    <div
      className="training-chart"
      data-testid="training-chart"
      data-points={points.length}
      data-losses={points.filter((p) => p.loss !== null).length}
      data-accuracies={points.filter((p) => p.validationAccuracy !== null).length}
    >
      {last ? (
        <p className="training-chart-caption" data-testid="training-chart-caption">
          {last.fit.replace(/[:,]?\s*(epoch|step)$/, '')}: {isTuning ? 'setting' : 'epoch'} {last.epoch} of {last.maxEpochs}
          {latestLoss !== null ? ` · training loss ${formatFixed(latestLoss, 3)}` : ''}
          {latestAccuracy !== null ? ` · held-out accuracy ${formatPercent(latestAccuracy, 1)}` : ''}
        </p>
      ) : null}
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={stage} margin={{ top: 8, right: 16, bottom: 12, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid className="chart-grid" />
            <XAxis
              dataKey="epoch"
              type="number"
              domain={[1, Math.max(2, last?.maxEpochs ?? 2)]}
              allowDecimals={false}
              className="chart-axis"
              tickLine={false}
              label={{ value: isTuning ? 'setting tried' : 'epoch', position: 'insideBottomRight', offset: -8 }}
            />
            {hasLoss ? <YAxis yAxisId="loss" domain={[0, 'auto']} className="chart-axis" tickLine={false} width={48} tickFormatter={lossTick} /> : null}
            {hasAccuracy ? (
              <YAxis
                yAxisId="accuracy"
                orientation={hasLoss ? 'right' : 'left'}
                domain={[0, 1]}
                ticks={[0, 0.25, 0.5, 0.75, 1]}
                className="chart-axis"
                tickLine={false}
                width={44}
                tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
              />
            ) : null}
            <Tooltip
              wrapperClassName="chart-tooltip"
              isAnimationActive={false}
              labelFormatter={(epoch) => `${isTuning ? 'Setting' : 'Epoch'} ${epoch}`}
              formatter={(value, name) => (name === 'Held-out accuracy' ? formatPercent(Number(value), 1) : formatFixed(Number(value), 3))}
            />
            {hasLoss ? (
              <Line
                yAxisId="loss"
                type="linear"
                dataKey="loss"
                name="Training loss"
                className="chart-line-loss"
                stroke="var(--chart-bar)"
                dot={stage.length < 30}
                isAnimationActive={false}
              />
            ) : null}
            {hasAccuracy ? (
              <Line
                yAxisId="accuracy"
                type="linear"
                dataKey="validationAccuracy"
                name="Held-out accuracy"
                stroke="var(--success)"
                dot
                isAnimationActive={false}
              />
            ) : null}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
