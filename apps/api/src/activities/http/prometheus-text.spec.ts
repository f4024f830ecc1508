import { histogramSamples, renderPrometheus } from './prometheus-text';

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

  it('should write a histogram as cumulative buckets ending in +Inf, then sum and count', () => {
    const text = renderPrometheus([
      {
        name: 'autobuy_step_seconds',
        help: 'Steps.',
        type: 'histogram',
        samples: histogramSamples({ step: 'cart' }, [0.5, 1], [1, 2, 3], 4.25, 3),
      },
    ]);

    expect(text.split('\n')).toEqual([
      '# HELP autobuy_step_seconds Steps.',
      '# TYPE autobuy_step_seconds histogram',
      'autobuy_step_seconds_bucket{step="cart",le="0.5"} 1',
      'autobuy_step_seconds_bucket{step="cart",le="1"} 2',
      'autobuy_step_seconds_bucket{step="cart",le="+Inf"} 3',
      'autobuy_step_seconds_sum{step="cart"} 4.25',
      'autobuy_step_seconds_count{step="cart"} 3',
      '',
    ]);
  });
});
