export { LoginPopupPage } from './components/login-popup-page';
