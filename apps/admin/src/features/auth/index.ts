export { meQueryKey, useMe } from './api/get-me';
export { LoginPage } from './components/login-page';
export { LogoutButton } from './components/logout-button';
export { RequireAuth } from './components/require-auth';
export { loginPathFor, LOGIN_PATH } from './components/safe-next-path';
