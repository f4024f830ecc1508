import { ActivityEventEntity } from './entities/activity-event.entity';
import { ActivityLeaseEntity } from './entities/activity-lease.entity';
import { ActivityQuestionEntity } from './entities/activity-question.entity';
import { ActivityEntity } from './entities/activity.entity';
import { Activities1764900000000 } from './migrations/1764900000000-activities';

export const ACTIVITY_ENTITIES = [
  ActivityEntity,
  ActivityEventEntity,
  ActivityQuestionEntity,
  ActivityLeaseEntity,
];
export const ACTIVITY_MIGRATIONS = [Activities1764900000000];

export { ActivityError, ActivityErrorCode } from './activity-error';
export { ActivityMetrics } from './activity-metrics';
export {
  createActivitiesEngine,
  type ActivitiesEngine,
  type EngineOptions,
} from './activities-engine';
export * from './handlers/activity-handler';
