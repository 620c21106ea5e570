/** The part of the collector's database the privacy operations use: one statement, $1… parameters. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}
