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
export { ActivitiesModule } from './activities.module';
export {
  ACTIVITIES_ENGINE,
  type ActivitiesModuleOptions,
  type ProcessRole,
} from './activities.tokens';
export { activityErrorToHttp } from './http/activity-error-http';
export {
  LIVE_AUTHENTICATOR,
  type LiveAuthenticator,
  type LiveHandshake,
  type LiveIdentity,
} from './live/live-authenticator';
export { SessionLiveAuthenticator } from './live/session-live-authenticator';
export { LiveChannel, OPERATORS_ROOM } from './live/live-channel';
