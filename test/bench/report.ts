/**
 * What the benchmark reports: each figure beside a baseline measured in the same run, with the ratio, and the
 * target from the issues where there is one. A figure that could not be measured says why; it never has a number.
 */

export interface Amount {
  value: number;
  unit: string;
}

export interface Target {
  /** e.g. "side panel ≤ 2 × floor" */
  text: string;
  met: boolean;
}

export interface MeasuredFigure {
  id: string;
  title: string;
  status: 'measured';
  value: Amount;
  baseline: { label: string } & Amount;
  /** value / baseline */
  ratio: number;
  targets: Target[];
  /** How it was measured and the numbers behind it (runs, medians, per-route counts …). */
  details: Record<string, unknown>;
  /** The few numbers behind it worth a line in the printed report. */
  notes?: string[];
}

export interface NotMeasuredFigure {
  id: string;
  title: string;
  status: 'not measured';
  reason: string;
}

export type Figure = MeasuredFigure | NotMeasuredFigure;

export interface BenchReport {
  tool: 'tovholder-bench';
  startedAt: string;
  durationMs: number;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; chromium: string | null };
  figures: Figure[];
}

export const ratioOf = (value: number, baseline: number): number =>
  baseline === 0 ? Number.POSITIVE_INFINITY : Math.round((value / baseline) * 100) / 100;

export const notMeasured = (id: string, title: string, reason: string): NotMeasuredFigure => ({
  id,
  title,
  status: 'not measured',
  reason,
});

export const format = ({ value, unit }: Amount): string => {
  if (unit === 'bytes') return value >= 1024 ? `${(value / 1024).toFixed(1)} KB` : `${value} B`;
  if (unit === 'ms') return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
  return `${value} ${unit}`;
};

/** One paragraph per figure, for people. */
export const formatReport = (report: BenchReport): string => {
  const lines = [
    `Tovholder benchmark — ${report.startedAt}, ${(report.durationMs / 1000).toFixed(0)} s`,
    `machine: ${report.machine.cpus} × ${report.machine.cpuModel}; node ${report.machine.node}; ${report.machine.chromium ?? 'no Chromium'}`,
    '',
  ];
  for (const figure of report.figures) {
    if (figure.status === 'not measured') {
      lines.push(`${figure.title}`, `  not measured: ${figure.reason}`, '');
      continue;
    }
    lines.push(
      figure.title,
      `  ${format(figure.value)}   beside ${figure.baseline.label}: ${format(figure.baseline)}   ratio ${figure.ratio}×`,
      ...figure.targets.map((t) => `  target ${t.text}: ${t.met ? 'met' : 'NOT met'}`),
      ...(figure.notes ?? []).map((note) => `  · ${note}`),
      '',
    );
  }
  return lines.join('\n');
};
