import type { Viewer } from "@bazaar/auth";
import type { Database } from "@bazaar/drizzle";
import type { AuthContext } from "@bazaar/subgraph-kit";
import { createRecommendationLoaders, type RecommendationLoaders } from "./loaders/recommendation.loaders";

export interface RecommendationsContext extends AuthContext {
  requestId: string;
  db: Database;
  /** Also holds the request's single trending lookup, shared by every field that needs it. */
  loaders: RecommendationLoaders;
}

export function createContext(
  db: Database,
  requestId: string,
  viewer: Viewer | null = null,
  now: Date = new Date(),
): RecommendationsContext {
  return { requestId, viewer, db, loaders: createRecommendationLoaders(db, now) };
}
