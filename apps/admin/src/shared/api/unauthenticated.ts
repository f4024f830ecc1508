type Listener = () => void;

let listener: Listener | null = null;

/**
 * The app registers one listener that sends the operator to the login page. It lives here, not
 * in the client, so the client stays free of routing and tests can observe the call.
 */
export function setUnauthenticatedListener(next: Listener | null): void {
  listener = next;
}

export function notifyUnauthenticated(): void {
  listener?.();
}
