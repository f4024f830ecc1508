import type { LoginInput } from '@autobuy/contracts';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A point on the scaled canvas as a pixel of the provider's page, kept inside the page. */
export function toPagePoint(
  clientX: number,
  clientY: number,
  canvas: Box,
  page: { width: number; height: number },
): { x: number; y: number } {
  const scaleX = canvas.width > 0 ? page.width / canvas.width : 1;
  const scaleY = canvas.height > 0 ? page.height / canvas.height : 1;
  const clamp = (value: number, max: number) => Math.min(Math.max(Math.round(value), 0), max);

  return {
    x: clamp((clientX - canvas.left) * scaleX, page.width - 1),
    y: clamp((clientY - canvas.top) * scaleY, page.height - 1),
  };
}

/** The largest size of the page that fits the window without distorting it. */
export function fitInto(
  page: { width: number; height: number },
  window: { width: number; height: number },
): { width: number; height: number } {
  const scale = Math.min(window.width / page.width, window.height / page.height);

  return { width: Math.floor(page.width * scale), height: Math.floor(page.height * scale) };
}

export interface KeyLike {
  type: 'keydown' | 'keyup';
  key: string;
  code: string;
  isComposing: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * What a key press sends to the page. While an IME composes nothing is sent (the composed text
 * comes at `compositionend`); a printable character goes as text, so letters of any alphabet
 * arrive as typed; other keys (Enter, Backspace, arrows, shortcuts) go as key presses.
 */
export function keyToInput(event: KeyLike): LoginInput | null {
  if (event.isComposing || event.key === 'Process' || event.key === 'Dead') {
    return null;
  }
  const printable = [...event.key].length === 1 && !event.ctrlKey && !event.metaKey;
  if (printable) {
    return event.type === 'keydown' ? { type: 'text', text: event.key } : null;
  }
  if (event.key === 'Unidentified') {
    return null;
  }

  return {
    type: 'key',
    action: event.type === 'keydown' ? 'down' : 'up',
    key: event.key,
    code: event.code,
  };
}

/** Mouse buttons the page understands; the middle one is not forwarded. */
export function mouseButton(button: number): 'left' | 'right' | null {
  if (button === 0) return 'left';
  if (button === 2) return 'right';

  return null;
}
