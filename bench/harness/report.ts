// The harness's output: one row per part, the totals, every further figure, the failures, and
// last the machine-readable line.
import type { PartResult } from './part';

const COLUMNS = ['part', 'faults', 'activities', 'duplicates', 'lost', 'stuck', 'failures'];

/** Prints the report to stdout; returns whether the run failed. */
export function printReport(
  results: PartResult[],
  load: Record<string, number | string>,
  seconds: number,
): boolean {
  const total = (key: 'faults' | 'activities' | 'duplicates' | 'lost' | 'stuck') =>
    results.reduce((sum, result) => sum + result[key], 0);
  const rows = [
    ...results.map((r) => [
      r.name,
      r.faults,
      r.activities,
      r.duplicates,
      r.lost,
      r.stuck,
      r.failures.length,
    ]),
    [
      'total',
      total('faults'),
      total('activities'),
      total('duplicates'),
      total('lost'),
      total('stuck'),
      results.reduce((sum, r) => sum + r.failures.length, 0),
    ],
  ].map((row) => row.map(String));
  const widths = COLUMNS.map((name, i) =>
    Math.max(name.length, ...rows.map((row) => row[i]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  const out: string[] = [
    line(COLUMNS),
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...rows.map(line),
    '',
  ];
  for (const result of results) {
    for (const [name, value] of Object.entries(result.figures)) {
      out.push(`${name}: ${value}`);
    }
  }
  for (const [name, value] of Object.entries(load)) {
    out.push(`${name}: ${value}`);
  }
  out.push(`harness wall time: ${seconds} s`);
  const failures = results.flatMap((r) => r.failures.map((f) => `FAILED ${r.name}: ${f}`));
  // The load run answers with figures; a run that broke or met errors fails the harness too.
  if (String(load.load ?? '').startsWith('failed') || Number(load['load errors'] ?? 0) > 0) {
    failures.push(`FAILED load: ${String(load.load ?? `${load['load errors']} errors`)}`);
  }
  if (failures.length > 0) {
    out.push('', ...failures);
  }
  out.push(
    '',
    `duplicates=${total('duplicates')} lost=${total('lost')} stuck=${total('stuck')} ` +
      `activities=${total('activities')} faults=${total('faults')}`,
  );
  process.stdout.write(`${out.join('\n')}\n`);

  return failures.length > 0 || total('duplicates') + total('lost') + total('stuck') > 0;
}
