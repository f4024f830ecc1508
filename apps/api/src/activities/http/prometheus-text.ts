/** One sample of a Prometheus metric: its labels and value. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
  /** A histogram's `_bucket`, `_sum` or `_count` line; nothing for counters and gauges. */
  suffix?: '_bucket' | '_sum' | '_count';
}

export interface Metric {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  samples: Sample[];
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function formatSample(name: string, sample: Sample): string {
  const labels = Object.entries(sample.labels).map(([key, value]) => {
    return `${key}="${escapeLabel(value)}"`;
  });
  const labelText = labels.length > 0 ? `{${labels.join(',')}}` : '';

  return `${name}${sample.suffix ?? ''}${labelText} ${sample.value}`;
}

/** Renders metrics in the Prometheus text exposition format (version 0.0.4). */
export function renderPrometheus(metrics: Metric[]): string {
  const lines: string[] = [];
  for (const metric of metrics) {
    lines.push(`# HELP ${metric.name} ${metric.help}`);
    lines.push(`# TYPE ${metric.name} ${metric.type}`);
    for (const sample of metric.samples) lines.push(formatSample(metric.name, sample));
  }

  return `${lines.join('\n')}\n`;
}

/** The samples of one histogram series: cumulative buckets, +Inf, sum and count. */
export function histogramSamples(
  labels: Record<string, string>,
  bounds: readonly number[],
  cumulative: readonly number[],
  sum: number,
  count: number,
): Sample[] {
  const buckets: Sample[] = [...bounds.map(String), '+Inf'].map((le, index) => ({
    labels: { ...labels, le },
    value: cumulative[index] ?? count,
    suffix: '_bucket',
  }));

  return [
    ...buckets,
    { labels, value: sum, suffix: '_sum' },
    { labels, value: count, suffix: '_count' },
  ];
}
