export const LOGIN_PATH = '/login';
const DEFAULT_PATH = '/orders';

/**
 * Where to go after logging in. Only paths of this app are accepted, so a crafted link cannot
 * send the operator to another site (`//evil.example`) or back to the login page.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return DEFAULT_PATH;
  }
  if (next === LOGIN_PATH || next.startsWith(`${LOGIN_PATH}?`)) {
    return DEFAULT_PATH;
  }

  return next;
}

export function loginPathFor(currentPath: string): string {
  if (currentPath === LOGIN_PATH || currentPath.startsWith(`${LOGIN_PATH}?`)) {
    return currentPath;
  }

  return `${LOGIN_PATH}?next=${encodeURIComponent(currentPath)}`;
}
