/** Plain-text rendering of an evaluation report (for the CLI and logs). */
import type { EvaluationReport } from './metrics';

/** A metrics summary, a per-class table and the most frequent confusions, as lines. */
export function formatReport(report: EvaluationReport, maxConfusions = 10): string[] {
  const width = Math.max(8, ...report.classes.map((c) => c.length));
  const lines = [
    `accuracy ${report.accuracy.toFixed(3)}   macro-F1 ${report.macro.f1.toFixed(3)}   weighted-F1 ${report.weighted.f1.toFixed(3)}   log loss ${report.logLoss.toFixed(3)}   ECE(${report.eceBins} bins) ${report.ece.toFixed(3)}   (${report.testRows} test documents)`,
    '',
    `${'class'.padEnd(width)}  precision  recall     f1  support`,
  ];
  for (const c of report.perClass)
    lines.push(
      `${c.label.padEnd(width)}  ${c.precision.toFixed(3).padStart(9)}  ${c.recall.toFixed(3).padStart(6)}  ${c.f1.toFixed(3).padStart(5)}  ${String(c.support).padStart(7)}`,
    );
  const confusions: [string, string, number][] = [];
  report.confusion.forEach((row, t) =>
    row.forEach((n, p) => {
      if (t !== p && n > 0) confusions.push([report.classes[t]!, report.classes[p]!, n]);
    }),
  );
  confusions.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
  if (confusions.length) {
    lines.push('', 'most frequent confusions (true → predicted):');
    for (const [t, p, n] of confusions.slice(0, maxConfusions)) lines.push(`  ${String(n).padStart(4)}  ${t} → ${p}`);
  }
  return lines;
}
