/** One sample of a Prometheus metric: its labels and value. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export interface Metric {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
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

  return `${name}${labelText} ${sample.value}`;
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
