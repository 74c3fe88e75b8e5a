import type { Database } from "@bazaar/drizzle";
import { createUserLoaders, type UserLoaders } from "./loaders/user.loaders";

export interface UsersContext {
  requestId: string;
  db: Database;
  loaders: UserLoaders;
}

export function createContext(db: Database, requestId: string): UsersContext {
  return { requestId, db, loaders: createUserLoaders(db) };
}
