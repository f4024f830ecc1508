import type { ActivityListQuery, ProviderCode } from '@autobuy/contracts';

/**
 * Query keys of the data the live channel patches. They live here, not in the features, because
 * the live cache sync (shared) and the pages (features) must agree on them.
 */
export const queryKeys = {
  order: (orderId: string) => ['orders', 'detail', orderId] as const,
  activities: ['activities'] as const,
  activityLists: ['activities', 'list'] as const,
  activityList: (filters: Omit<ActivityListQuery, 'cursor'>) =>
    ['activities', 'list', filters] as const,
  activity: (activityId: string) => ['activities', 'detail', activityId] as const,
  activityEvents: (activityId: string) => ['activities', 'events', activityId] as const,
  attentionCount: ['activities', 'attention'] as const,
  sessions: ['sessions'] as const,
  sessionsOf: (provider: ProviderCode) => ['sessions', provider] as const,
};
