export { AutobuyPage } from './components/autobuy-page';
