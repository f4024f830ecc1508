import type { LoginInput as PopupInput } from '@autobuy/contracts';
import type { LoginInput as PageInput } from '@autobuy/provider-adapters';

const MOUSE_ACTIONS = ['down', 'up', 'move'];
const KEY_ACTIONS = ['down', 'up'];
const BUTTONS = ['left', 'right'];

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * Checks what a popup sent and turns it into the page input the login stream understands;
 * null for anything malformed, so a broken client cannot make the stream throw.
 */
export function toPageInput(raw: unknown): PageInput | null {
  if (typeof raw !== 'object' || raw === null) {
    return null;
  }
  const input = raw as Partial<Record<keyof Extract<PopupInput, { type: 'mouse' }>, unknown>> &
    Record<string, unknown>;

  switch (input['type']) {
    case 'mouse': {
      const { action, x, y, button } = input;
      if (!isString(action) || !MOUSE_ACTIONS.includes(action) || !isNumber(x) || !isNumber(y)) {
        return null;
      }
      if (button !== undefined && (!isString(button) || !BUTTONS.includes(button))) {
        return null;
      }

      return {
        type: 'mouse',
        action: action as 'down' | 'up' | 'move',
        x,
        y,
        button: (button as 'left' | 'right' | undefined) ?? 'left',
      };
    }
    case 'wheel': {
      const { x, y, deltaX, deltaY } = input;
      if (!isNumber(x) || !isNumber(y) || !isNumber(deltaX) || !isNumber(deltaY)) {
        return null;
      }

      return { type: 'wheel', x, y, deltaX, deltaY };
    }
    case 'key': {
      const { action, key } = input;
      if (!isString(action) || !KEY_ACTIONS.includes(action) || !isString(key) || key === '') {
        return null;
      }

      return { type: 'key', action: action as 'down' | 'up', key };
    }
    case 'text': {
      const { text } = input;
      if (!isString(text) || text.length > 1_000) {
        return null;
      }

      return { type: 'text', text };
    }
    default:
      return null;
  }
}
