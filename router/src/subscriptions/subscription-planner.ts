import { createHash } from "node:crypto";
import type { ServiceMap } from "@apollo/gateway";
import { operationFromDocument, type Schema, Supergraph } from "@apollo/federation-internals";
import { type FetchNode, type QueryPlan, QueryPlanner } from "@apollo/query-planner";
import { type DocumentNode, GraphQLError, type GraphQLSchema, print } from "graphql";
import type { LoadedSupergraph, StartedGateway } from "../apollo";
import type { SubgraphDataSource } from "../subgraph-data-source";
import { SubscriptionCode } from "./config";

/** How one subscription operation is served. */
export interface SubscriptionPlan {
  /** The fetch to the subgraph owning the root field: its operation is what the router subscribes to. */
  primary: FetchNode;
  /** Run once per event: `Sequence [primary, rest]`, with `primary` answered by the event itself. */
  perEvent: QueryPlan;
}

const MAX_CACHED = 512;

/** A small least-recently-used map (Map keeps insertion order; a hit is re-inserted last). */
export class Lru<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/**
 * Everything planning and executing needs for one loaded supergraph. Built from exactly what the
 * gateway loaded (its API schema, its SDL), so HTTP and WebSocket agree on the schema, also across
 * reloads; a subscription keeps the state it started with.
 */
export class PlanningState {
  readonly apiSchema: GraphQLSchema;
  /** federation-internals' API schema, which `operationFromDocument` and `executeQueryPlan` take. */
  readonly coreApiSchema: Schema;
  /** The supergraph as graphql-js, for the entity representations and rewrites of `executeQueryPlan`. */
  readonly supergraphSchema: GraphQLSchema;
  readonly serviceMap: ServiceMap;
  /** Documents that parsed and validated against `apiSchema`, by SHA-256 of their text (as Apollo Server caches them). */
  readonly validDocuments = new Lru<DocumentNode>(MAX_CACHED);
  private readonly planner: QueryPlanner;
  private readonly plans = new Lru<SubscriptionPlan>(MAX_CACHED);

  constructor(
    readonly loaded: LoadedSupergraph,
    dataSourceFor: (name: string, url: string) => SubgraphDataSource,
  ) {
    const supergraph = Supergraph.build(loaded.coreSupergraphSdl, { validateSupergraph: false });
    this.apiSchema = loaded.apiSchema;
    this.coreApiSchema = supergraph.apiSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
    this.serviceMap = Object.fromEntries(
      supergraph.subgraphsMetadata().map(({ name, url }) => [name, dataSourceFor(name, url)]),
    );
  }

  /** The subgraph's URL (overrides applied), as its data source reaches it over HTTP. */
  subgraphUrl(name: string): string | undefined {
    return (this.serviceMap[name] as SubgraphDataSource | undefined)?.url;
  }

  /**
   * Plans a validated subscription operation; plans are cached per document text and name. The
   * planner puts the root field's fetch first (`primary`) and every entity fetch for fields of
   * other subgraphs in `rest`. `textHash` identifies the document when it is the client's own text.
   */
  plan(document: DocumentNode, operationName: string | undefined, textHash?: string): SubscriptionPlan {
    const hash = textHash ?? createHash("sha256").update(print(document)).digest("hex");
    const key = `${hash}\0${operationName ?? ""}`;
    const cached = this.plans.get(key);
    if (cached) return cached;
    let plan: QueryPlan;
    try {
      const operation = operationFromDocument(this.coreApiSchema, document, { operationName, validate: false });
      plan = this.planner.buildQueryPlan(operation);
    } catch (error) {
      throw new GraphQLError(`This subscription cannot be planned: ${(error as Error).message}`, {
        extensions: { code: SubscriptionCode.GRAPHQL_VALIDATION_FAILED },
      });
    }
    const node = plan.node;
    if (node?.kind !== "Subscription") {
      throw new GraphQLError("This subscription selects no field a subgraph can serve", {
        extensions: { code: SubscriptionCode.GRAPHQL_VALIDATION_FAILED },
      });
    }
    const planned: SubscriptionPlan = {
      primary: node.primary,
      perEvent: {
        kind: "QueryPlan",
        node: { kind: "Sequence", nodes: node.rest ? [node.primary, node.rest] : [node.primary] },
      },
    };
    this.plans.set(key, planned);
    return planned;
  }
}

/** The planning state of the supergraph currently served, rebuilt when the gateway loads another. */
export class SubscriptionPlanner {
  private state: PlanningState | undefined;
  private readonly sources = new Map<string, SubgraphDataSource>();

  constructor(private readonly gateway: Pick<StartedGateway, "loadedSupergraph" | "dataSource">) {}

  current(): PlanningState | undefined {
    const loaded = this.gateway.loadedSupergraph();
    if (!loaded) return undefined;
    if (
      this.state?.loaded.coreSupergraphSdl !== loaded.coreSupergraphSdl ||
      this.state.apiSchema !== loaded.apiSchema
    ) {
      this.state = new PlanningState(loaded, (name, url) => this.dataSource(name, url));
    }
    return this.state;
  }

  /** One data source per subgraph and URL, kept across reloads like the gateway keeps its own. */
  private dataSource(name: string, url: string): SubgraphDataSource {
    const key = `${name}\0${url}`;
    let source = this.sources.get(key);
    if (!source) {
      source = this.gateway.dataSource({ name, url });
      this.sources.set(key, source);
    }
    return source;
  }
}
