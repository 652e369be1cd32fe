/** Documents per category as a horizontal recharts bar chart, tiny classes in the warning colour. */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CategoryCount } from '../../../preload/contract';
import { formatCount } from '../../format/numbers';
import { hashForResumes } from '../curation/curation-url';

/** The resume table showing one category: where a bar leads. */
const categoryHash = (category: string) => hashForResumes({ filter: { categories: [category] } });

const rowHeightPx = 40;

/** The axis text size, set on the ticks themselves (recharts' own 14px otherwise wins over the stylesheet). */
const axisFontPx = 12;
let measuring: CanvasRenderingContext2D | null = null;
/** Width of `text` in the chart's axis font, measured (canvas), with a generous estimate where there is no canvas. */
function textWidthPx(text: string): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return text.length * 8.6;
  measuring.font = `${axisFontPx}px ${getComputedStyle(document.body).fontFamily}`;
  return measuring.measureText(text).width;
}
const minHeightPx = 200;

/**
 * The chart (hidden from assistive technology) plus the same numbers as a visually hidden table.
 * Clicking a bar opens its resumes; keyboard users reach the same links in the table, which shows
 * itself while one of them has focus.
 */
export function ClassBalanceChart({ classCounts, tinyThreshold }: { classCounts: CategoryCount[]; tinyThreshold: number }) {
  const data = [...classCounts].sort((a, b) => b.documents - a.documents || a.category.localeCompare(b.category));
  // The longest name as drawn: a guess per character cut "INFORMATION-TECHNOLOGY" short.
  const labelWidthPx = Math.max(...data.map((d) => textWidthPx(d.category)), textWidthPx('WWWW'));
  return (
    <div className="class-chart">
      <div className="class-chart-canvas" aria-hidden="true" data-testid="class-balance-chart">
        <ResponsiveContainer width="100%" height={Math.max(minHeightPx, data.length * rowHeightPx + 36)}>
          <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 4 }} barCategoryGap={6}>
            <CartesianGrid horizontal={false} className="chart-grid" />
            <XAxis type="number" allowDecimals={false} tickFormatter={formatCount} tickLine={false} axisLine={false} className="chart-axis" />
            <YAxis
              type="category"
              dataKey="category"
              width={Math.ceil(Math.min(280, labelWidthPx + 16))}
              tick={{ fontSize: axisFontPx }}
              tickLine={false}
              axisLine={false}
              className="chart-axis"
            />
            <Tooltip
              formatter={(value) => formatCount(Number(value))}
              cursor={{ className: 'chart-cursor' }}
              wrapperClassName="chart-tooltip"
              isAnimationActive={false}
            />
            <Bar
              dataKey="documents"
              name="Documents"
              radius={[0, 4, 4, 0]}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(entry: { category?: string; payload?: { category?: string } }) => {
                const category = entry.payload?.category ?? entry.category;
                if (category) window.location.hash = categoryHash(category);
              }}
            >
              {data.map((entry) => (
                <Cell key={entry.category} className={entry.documents < tinyThreshold ? 'chart-bar tiny' : 'chart-bar'} />
              ))}
              <LabelList dataKey="documents" position="right" className="chart-value" formatter={(value) => formatCount(Number(value))} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden-focusable">
        <caption>Documents per category</caption>
        <tbody>
          {data.map((entry) => (
            <tr key={entry.category}>
              <th scope="row">
                <a href={categoryHash(entry.category)}>{entry.category}</a>
              </th>
              <td>{formatCount(entry.documents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
