/** Where the Meilisearch adapter talks to and how it waits; see search-config.ts for the variables. */
export interface MeiliConfig {
  host: string;
  apiKey?: string | undefined;
  indexUid: string;
  /**
   * Whether incremental `index`/`remove` wait for Meilisearch to apply the change. Production
   * enqueues and moves on (the write is already committed); tests wait to read their writes.
   * A full reindex always waits.
   */
  waitForTasks: boolean;
}
