import { Column } from 'typeorm';

/** A point in time; `Date` lets each driver pick its own type (see `timestampType`). */
export function TimeColumn(name: string, nullable = false): PropertyDecorator {
  return Column({ name, type: Date, nullable });
}
