export { OrderPage } from './components/order-page';
export { OrdersPage } from './components/orders-page';
