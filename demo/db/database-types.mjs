/**
 * The one database interface the collector uses; two adapters implement it (PGlite, node-postgres)
 * and run the same SQL. Rows come back as plain objects; int8 counts as numbers.
 * @typedef {{ rows: Record<string, any>[] }} QueryResult
 * @typedef {object} Queryable
 * @property {(sql: string, params?: unknown[]) => Promise<QueryResult>} query one statement, $1… parameters
 * @property {(sql: string) => Promise<void>} exec several statements, no parameters (migrations)
 * @typedef {Queryable & {
 *   kind: 'pglite' | 'postgres',
 *   transaction: <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>,
 *   close: () => Promise<void>,
 * }} Database
 */
export {};
