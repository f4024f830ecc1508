const MIN_TRACK_WIDTH = 200;

// A human-like drag: a press and at least five moves, never jumping half the track at once,
// ending at the right end. No timing or behaviour scoring (the real one has much more).
export function isHumanDrag(trace: unknown, trackWidth: unknown): boolean {
  if (!Array.isArray(trace) || trace.length < 6) return false;
  const width = Math.max(MIN_TRACK_WIDTH, typeof trackWidth === 'number' ? trackWidth : 260);
  const xs: number[] = [];
  for (const point of trace) {
    if (!Array.isArray(point) || typeof point[0] !== 'number') return false;
    xs.push(point[0]);
  }

  for (let index = 1; index < xs.length; index += 1) {
    const step = xs[index]! - xs[index - 1]!;
    if (step > width / 2 || step < -5) return false;
  }

  return xs[xs.length - 1]! >= width - 5;
}
