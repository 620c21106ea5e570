/**
 * The part of the collector's database the alerts use: one statement with $1… parameters, and a
 * transaction. PGlite and node-postgres both fit it.
 */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, any>[] }>;
}

export interface AlertDatabase extends Queryable {
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
}
