import { renderPrometheus } from './prometheus-text';

describe(renderPrometheus.name, () => {
  it('should write help, type and one line per sample with escaped labels', () => {
    const text = renderPrometheus([
      {
        name: 'autobuy_activity_outcomes_total',
        help: 'Ended activities.',
        type: 'counter',
        samples: [
          { labels: { kind: 'reserve', state: 'succeeded' }, value: 3 },
          { labels: { kind: 'say "hi"\\', state: 'failed' }, value: 1 },
        ],
      },
      { name: 'autobuy_activities_running', help: 'Running.', type: 'gauge', samples: [] },
    ]);

    expect(text.split('\n')).toEqual([
      '# HELP autobuy_activity_outcomes_total Ended activities.',
      '# TYPE autobuy_activity_outcomes_total counter',
      'autobuy_activity_outcomes_total{kind="reserve",state="succeeded"} 3',
      'autobuy_activity_outcomes_total{kind="say \\"hi\\"\\\\",state="failed"} 1',
      '# HELP autobuy_activities_running Running.',
      '# TYPE autobuy_activities_running gauge',
      '',
    ]);
  });
});
