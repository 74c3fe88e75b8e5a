// What global-setup provides to every test worker, typed for `inject()`. Kept in its own module
// (imported by test-database.ts) so any package importing @bazaar/testing sees the augmentation.
declare module "vitest" {
  export interface ProvidedContext {
    /** URL of a superuser (or CREATEDB role) connection to the test PostgreSQL server. */
    postgresAdminUrl: string;
    /** Name of the migrated database every test database is copied from. */
    postgresTemplate: string;
  }
}

export {};
