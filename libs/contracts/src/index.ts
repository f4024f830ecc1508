export * from './activities';
export * from './auth';
export * from './common';
export * from './orders';
export * from './providers';
export * from './activity-live';
export * from './workflows';
