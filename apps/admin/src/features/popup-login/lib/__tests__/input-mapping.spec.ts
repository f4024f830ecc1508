import { describe, expect, it } from 'vitest';

import { fitInto, keyToInput, mouseButton, toPagePoint, type KeyLike } from '../input-mapping';

const key = (overrides: Partial<KeyLike>): KeyLike => ({
  type: 'keydown',
  key: 'a',
  code: 'KeyA',
  isComposing: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...overrides,
});

describe('popup input mapping', () => {
  it('should scale a click on the half-size canvas to the page pixel', () => {
    const canvas = { left: 10, top: 20, width: 640, height: 400 };

    expect(toPagePoint(330, 220, canvas, { width: 1280, height: 800 })).toEqual({ x: 640, y: 400 });
  });

  it('should keep a point outside the canvas inside the page', () => {
    const canvas = { left: 0, top: 0, width: 100, height: 100 };

    expect(toPagePoint(-5, 500, canvas, { width: 200, height: 200 })).toEqual({ x: 0, y: 199 });
  });

  it('should fit the page into the window keeping its proportions', () => {
    expect(fitInto({ width: 1280, height: 800 }, { width: 640, height: 800 })).toEqual({
      width: 640,
      height: 400,
    });
  });

  it('should send a printable character as text once, on key down', () => {
    expect(keyToInput(key({ key: 'ж' }))).toEqual({ type: 'text', text: 'ж' });
    expect(keyToInput(key({ type: 'keyup', key: 'ж' }))).toBeNull();
  });

  it('should send nothing while an IME composes', () => {
    expect(keyToInput(key({ key: 'n', isComposing: true }))).toBeNull();
    expect(keyToInput(key({ key: 'Process', code: 'KeyN' }))).toBeNull();
  });

  it('should send Enter, Backspace and shortcuts as key presses', () => {
    expect(keyToInput(key({ key: 'Enter', code: 'Enter' }))).toEqual({
      type: 'key',
      action: 'down',
      key: 'Enter',
      code: 'Enter',
    });
    expect(keyToInput(key({ type: 'keyup', key: 'Backspace', code: 'Backspace' }))).toMatchObject({
      action: 'up',
      key: 'Backspace',
    });
    expect(keyToInput(key({ key: 'a', ctrlKey: true }))).toMatchObject({ type: 'key', key: 'a' });
  });

  it('should forward the left and right buttons only', () => {
    expect([mouseButton(0), mouseButton(1), mouseButton(2)]).toEqual(['left', null, 'right']);
  });
});
