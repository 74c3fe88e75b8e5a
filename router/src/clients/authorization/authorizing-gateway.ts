import type { ApolloGateway } from "@apollo/gateway";
import type { Viewer } from "@bazaar/auth";
import { type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, print } from "graphql";
import type { RouterContext } from "../../context";
import { sha256Hex } from "../partner-keys";
import type { AuthRequirements } from "./auth-directives";
import type { AuthorizationSource } from "./authorization-source";
import { type AuthorizedOperation, authorizeOperation } from "./authorize-operation";
import { applyDenials, rootDenialErrors } from "./denial-plan";

type LoadResult = Awaited<ReturnType<ApolloGateway["load"]>>;
type Executor = NonNullable<LoadResult["executor"]>;

/** An authorized operation; when rewritten, with its text and hash ready for the gateway. */
interface Decision extends AuthorizedOperation {
  rewritten?: { document: DocumentNode; source: string; queryHash: string };
}

interface Decisions {
  schema: GraphQLSchema;
  requirements: AuthRequirements;
  /** By what the decision depends on: signed in or not, and the roles held (the scopes). */
  byViewer: Map<string, Decision>;
}

const MAX_DECISIONS_PER_OPERATION = 16;

const viewerKey = (viewer: Viewer | null) => (viewer ? [...new Set(viewer.roles)].sort().join(" ") : "\u0000anonymous");

/**
 * The gateway with `@authenticated`/`@requiresScopes` enforced in front of it: each operation is
 * rewritten without the fields the viewer may not see before the gateway plans it (so no subgraph
 * is asked for them), and the response gets those fields back as null with an error each. The
 * rewritten text has its own hash, so the gateway's plan cache never mixes the two shapes.
 * The subgraphs still check every field themselves.
 */
export class AuthorizingGateway {
  /**
   * Apollo Server hands every request with the same text the same parsed nodes, so the rewrite (and
   * its printed text and hash) is computed once per operation, schema and kind of viewer. Plans
   * are only read when nulls are applied, so sharing them is safe.
   */
  private readonly decisions = new WeakMap<OperationDefinitionNode, Decisions>();

  constructor(
    private readonly inner: ApolloGateway,
    private readonly authorization: AuthorizationSource,
  ) {
    inner.onSchemaLoadOrUpdate((schema) => authorization.activate(schema));
  }

  async load(options: Parameters<ApolloGateway["load"]>[0]): Promise<LoadResult> {
    const result = await this.inner.load(options);
    return { ...result, executor: result.executor && this.authorize(result.executor) };
  }

  onSchemaLoadOrUpdate(callback: Parameters<ApolloGateway["onSchemaLoadOrUpdate"]>[0]) {
    return this.inner.onSchemaLoadOrUpdate(callback);
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }

  private authorize(executor: Executor): Executor {
    return async (requestContext) => {
      const requirements = this.authorization.for(requestContext.schema);
      const { operation, document } = requestContext;
      if ((requirements.fields.size === 0 && requirements.types.size === 0) || !operation) {
        return executor(requestContext);
      }
      const viewer = (requestContext.context as Partial<RouterContext>).viewer ?? null;
      const authorized = this.decide(requestContext.schema, requirements, document, operation, viewer);
      if (authorized.rootDenials) return { data: null, errors: rootDenialErrors(authorized.rootDenials) };
      const { rewritten } = authorized;
      if (!rewritten) return executor(requestContext);
      const result = await executor({
        ...requestContext,
        document: rewritten.document,
        operation: rewritten.document.definitions[0] as OperationDefinitionNode,
        source: rewritten.source,
        queryHash: rewritten.queryHash,
      });
      const denied = applyDenials(result.data, authorized.plan);
      return denied.length > 0 ? { ...result, errors: [...(result.errors ?? []), ...denied] } : result;
    };
  }

  private decide(
    schema: GraphQLSchema,
    requirements: AuthRequirements,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    viewer: Viewer | null,
  ): Decision {
    let decisions = this.decisions.get(operation);
    if (!decisions || decisions.schema !== schema || decisions.requirements !== requirements) {
      decisions = { schema, requirements, byViewer: new Map() };
      this.decisions.set(operation, decisions);
    }
    const key = viewerKey(viewer);
    const known = decisions.byViewer.get(key);
    if (known) return known;
    const decision: Decision = authorizeOperation(schema, requirements, document, operation, viewer);
    if (decision.document) {
      const source = print(decision.document);
      decision.rewritten = { document: decision.document, source, queryHash: sha256Hex(source) };
    }
    if (decisions.byViewer.size < MAX_DECISIONS_PER_OPERATION) decisions.byViewer.set(key, decision);
    return decision;
  }
}
