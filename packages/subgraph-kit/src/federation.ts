import "reflect-metadata";
import { buildSubgraphSchema, type GraphQLResolverMap } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import type { GraphQLSchema } from "graphql";
import { parse } from "graphql";
import { type BuildSchemaOptions, buildSchema, type ClassType, createResolversMap, type PubSub } from "type-graphql";
import { authChecker } from "./authorization";
import { DateTimeScalar } from "./scalars";

/** The federation spec every subgraph links; one place to bump it. */
export const FEDERATION_SPEC_URL = "https://specs.apollo.dev/federation/v2.9";
const FEDERATION_IMPORTS = [
  "@key",
  "@shareable",
  "@external",
  "@requires",
  "@provides",
  "@inaccessible",
  "@tag",
  "@override",
  "@interfaceObject",
  "@authenticated",
  "@requiresScopes",
];

/** `__resolveReference` per entity type name; each must go through a DataLoader. */
// biome-ignore lint/suspicious/noExplicitAny: reference resolvers receive partially typed representations.
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;

export interface FederatedSchemaOptions {
  resolvers: NonNullable<BuildSchemaOptions["resolvers"]>;
  /**
   * Every `@key` type this subgraph declares, owned or stub. type-graphql only emits types reachable
   * from root fields, and an entity reached only through `_entities` is not.
   */
  entities: ClassType[];
  referenceResolvers?: ReferenceResolvers;
  /**
   * Where `@Subscription({ topics })` fields listen and resolvers publish (`createPubSub()` for one
   * process). type-graphql requires one as soon as the subgraph declares a `@Subscription`, even one
   * with its own `subscribe` function.
   */
  pubSub?: PubSub;
}

/**
 * The single way a subgraph builds its schema: type-graphql classes → SDL with federation
 * directives → `buildSubgraphSchema`, so `_entities` and `_service` behave as Apollo expects.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.entities,
    authChecker,
    ...(options.pubSub ? { pubSub: options.pubSub } : {}),
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    // A subgraph may contribute only entity fields and no Query field of its own.
    skipCheck: true,
  });
  const link = `extend schema @link(url: "${FEDERATION_SPEC_URL}", import: ${JSON.stringify(FEDERATION_IMPORTS)})`;
  const typeDefs = parse(`${link}\n${printSchemaWithDirectives(typeGraphqlSchema)}`);
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    resolvers[typeName] = { ...existing, __resolveReference: reference.__resolveReference } as never;
  }
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}
