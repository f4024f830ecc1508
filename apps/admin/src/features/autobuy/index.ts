export { ActivitiesPage } from './components/activities-page';
export { ActivityPage } from './components/activity-page';
