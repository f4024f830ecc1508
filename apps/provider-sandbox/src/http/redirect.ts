import type { Request } from 'express';

export const DEFAULT_LANDING = '/my_taobao.htm';

// Only same-origin targets: a relative path, or an absolute URL on this Sandbox's host.
export function safeRedirect(req: Request, value: string | undefined): string {
  if (!value) return DEFAULT_LANDING;
  if (value.startsWith('/') && !value.startsWith('//')) return value;

  try {
    const url = new URL(value);
    if (url.host === req.get('host')) return `${url.pathname}${url.search}`;
  } catch {
    return DEFAULT_LANDING;
  }

  return DEFAULT_LANDING;
}
