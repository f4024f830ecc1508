/** Where the popup login page lives; a route of this app drawn without the layout. */
export function loginPopupPath(activityId: string): string {
  return `/popup/login/${encodeURIComponent(activityId)}`;
}

const POPUP_NAME = 'autobuy-provider-login';
const POPUP_FEATURES = 'popup=yes,width=1024,height=768';

/**
 * Opens the login window at once, inside the click: browsers allow a popup only then, and the
 * login activity is created afterwards. Null means the browser blocked it.
 */
export function openLoginWindow(): Window | null {
  return window.open('', POPUP_NAME, POPUP_FEATURES);
}
