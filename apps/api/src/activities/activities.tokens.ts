import type { InjectionToken, ModuleMetadata } from '@nestjs/common';

import type { ActivityHandler } from './handlers/activity-handler';
import type { LiveAuthenticator } from './live/live-authenticator';

export const ACTIVITIES_ENGINE = Symbol('ACTIVITIES_ENGINE');
export const ACTIVITIES_OPTIONS = Symbol('ACTIVITIES_OPTIONS');

export type ProcessRole = 'all' | 'api' | 'worker';

interface Factory<T> {
  inject?: InjectionToken[];
  useFactory: (...deps: never[]) => T;
}

export interface ActivitiesModuleOptions {
  /** Modules whose providers the handler and authenticator factories inject. */
  imports?: ModuleMetadata['imports'];
  role: ProcessRole;
  /** With a URL: BullMQ queue and the Socket.IO Redis adapter; without: in-process, one instance. */
  redisUrl: string | null;
  /** Origins a browser may open the live channel from (the admin's own origin). */
  allowedOrigins: string[];
  handlers: Factory<ActivityHandler[]>;
  liveAuthenticator: Factory<LiveAuthenticator>;
  /** Separates deployments sharing one Redis. */
  queuePrefix?: string;
  requiredKinds?: readonly string[];
  leaseTtlMs?: number;
  sweepIntervalMs?: number;
}
