/** Counts the SQL statements a drizzle database sends; the basis of N+1 guards. */
export interface StatementCounter {
  /** Pass as `createDatabase(connection, { onQuery: counter.onQuery })`; safe to detach. */
  onQuery(sql: string): void;
  /** Statements seen since creation or the last `reset()`. */
  readonly count: number;
  readonly statements: string[];
  reset(): void;
}

export function createStatementCounter(): StatementCounter {
  const statements: string[] = [];
  return {
    // An arrow function, so `onQuery` works when handed over without its object.
    onQuery: (sql: string) => {
      statements.push(sql);
    },
    get count() {
      return statements.length;
    },
    statements,
    // Truncate in place so a reference taken to `statements` stays live.
    reset: () => {
      statements.length = 0;
    },
  };
}
