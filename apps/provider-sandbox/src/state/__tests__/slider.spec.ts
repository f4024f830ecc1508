import { isHumanDrag } from '../slider';

const steady = (to: number, points = 7) =>
  Array.from({ length: points }, (_, index) => [
    Math.round((to * index) / (points - 1)),
    10,
    index * 30,
  ]);

describe('isHumanDrag', () => {
  it.each([
    ['a steady drag to the end', steady(260), true],
    ['a drag that stops short', steady(180), false],
    ['a jump straight to the end', [[0, 0, 0], ...Array(5).fill([1, 0, 1]), [260, 0, 9]], false],
    ['too few moves', steady(260, 4), false],
    ['a drag that goes back a lot', [...steady(200), [150, 0, 300], [260, 0, 330]], false],
    ['not a trace at all', 'drag', false],
  ])('should judge %s', (_name, trace, expected) => {
    expect(isHumanDrag(trace, 260)).toBe(expected);
  });
});
