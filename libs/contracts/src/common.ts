/** Every error body of the REST API has this shape. */
export interface ApiErrorBody {
  code: string;
  message: string;
  /** Per-field problems for validation errors, keyed by the field's path (e.g. `items.0.quantity`). */
  details?: Record<string, string[]> | Record<string, unknown>;
}

/** A page of a list read with cursor paging; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** ISO-8601 timestamp string, always UTC. */
export type IsoDateTime = string;
