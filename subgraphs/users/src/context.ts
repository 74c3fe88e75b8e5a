import type { Viewer } from "@bazaar/auth";
import type { Database } from "@bazaar/drizzle";
import type { AuthContext } from "@bazaar/subgraph-kit";
import { createUserLoaders, type UserLoaders } from "./loaders/user.loaders";

export interface UsersContext extends AuthContext {
  requestId: string;
  db: Database;
  loaders: UserLoaders;
}

export function createContext(db: Database, requestId: string, viewer: Viewer | null = null): UsersContext {
  return { requestId, viewer, db, loaders: createUserLoaders(db) };
}
