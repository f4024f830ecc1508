import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

// TypeORM's deep-partial type cannot follow JSON columns typed `unknown` (handler state, event
// data); the values are plain JSON, so handing them over as they are is safe.
export function asRow<T>(value: T | Partial<T>): QueryDeepPartialEntity<T> {
  return value as QueryDeepPartialEntity<T>;
}
