import type { ApolloGateway } from "@apollo/gateway";
import { type OperationDefinitionNode, print } from "graphql";
import type { RouterContext } from "../../context";
import { sha256Hex } from "../partner-keys";
import type { AuthorizationSource } from "./authorization-source";
import { authorizeOperation } from "./authorize-operation";
import { applyDenials, rootDenialErrors } from "./denial-plan";

type LoadResult = Awaited<ReturnType<ApolloGateway["load"]>>;
type Executor = NonNullable<LoadResult["executor"]>;

/**
 * The gateway with `@authenticated`/`@requiresScopes` enforced in front of it: each operation is
 * rewritten without the fields the viewer may not see before the gateway plans it (so no subgraph
 * is asked for them), and the response gets those fields back as null with an error each. The
 * rewritten text has its own hash, so the gateway's plan cache never mixes the two shapes.
 * The subgraphs still check every field themselves.
 */
export class AuthorizingGateway {
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
      const authorized = authorizeOperation(requestContext.schema, requirements, document, operation, viewer);
      if (authorized.rootDenials) return { data: null, errors: rootDenialErrors(authorized.rootDenials) };
      if (!authorized.document) return executor(requestContext);
      const source = print(authorized.document);
      const result = await executor({
        ...requestContext,
        document: authorized.document,
        operation: authorized.document.definitions[0] as OperationDefinitionNode,
        source,
        queryHash: sha256Hex(source),
      });
      const denied = applyDenials(result.data, authorized.plan);
      return denied.length > 0 ? { ...result, errors: [...(result.errors ?? []), ...denied] } : result;
    };
  }
}
