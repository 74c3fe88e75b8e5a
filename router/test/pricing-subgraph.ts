import {
  Authenticated,
  type AuthContext,
  buildFederatedSchema,
  createPubSub,
  createSubgraphServer,
  forbidden,
  type SubgraphDeps,
  type SubscriptionSettings,
} from "@bazaar/subgraph-kit";
import type { GraphQLSchema } from "graphql";
import {
  Arg,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Resolver,
  Root,
  Subscription,
} from "type-graphql";

/**
 * A stand-in subgraph that owns one subscription, `productPriceChanged`, whose payload points at a
 * Product owned by catalog (and through it a Seller owned by sellers): the shape of orders'
 * `orderUpdated` without checkout. Built with subgraph-kit exactly as a real subgraph would be.
 */

@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Product {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class PriceChange {
  @Field(() => Product)
  product!: Product;

  @Field(() => Int)
  amount!: number;

  /** Filled in per event from the subgraph's context: proves identity reaches the owning subgraph. */
  @Field(() => String, { nullable: true })
  seenBy?: string | null;

  /** Padding, for tests that need large events. */
  @Field(() => String)
  note!: string;
}

export interface PriceChangeEvent {
  productId: string;
  sellerId: string;
  amount: number;
  note?: string;
}

interface PricingContext extends AuthContext {
  requestId: string;
}

const TOPIC = "PRICE_CHANGED";

export function createPricing() {
  const pubSub = createPubSub<{ PRICE_CHANGED: [PriceChangeEvent] }>();
  let active = 0;

  /** The pub/sub stream, filtered, counting live subscriptions until the router unsubscribes. */
  function tracked(keep: (event: PriceChangeEvent) => boolean): AsyncIterable<PriceChangeEvent> {
    const source = pubSub.subscribe(TOPIC)[Symbol.asyncIterator]();
    active += 1;
    let ended = false;
    const end = () => {
      if (!ended) active -= 1;
      ended = true;
    };
    const iterator: AsyncIterableIterator<PriceChangeEvent> = {
      async next() {
        for (;;) {
          const result = await source.next();
          if (result.done) end();
          if (result.done || keep(result.value)) return result;
        }
      },
      async return() {
        end();
        await source.return?.();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  @Resolver(() => PriceChange)
  class PriceChangeResolver {
    @Subscription(() => PriceChange, {
      subscribe: ({ args }) => tracked((event) => !args.productId || event.productId === args.productId),
    })
    productPriceChanged(
      @Root() event: PriceChangeEvent,
      @Arg("productId", () => ID, { nullable: true }) _productId?: string,
    ): Omit<PriceChange, "seenBy"> {
      return { product: { id: event.productId }, amount: event.amount, note: event.note ?? "" };
    }

    @Subscription(() => PriceChange, {
      description: "Price changes of one seller's products; only that seller may listen.",
      subscribe: ({ args, context }) => {
        if ((context as PricingContext).viewer?.sellerId !== args.sellerId) throw forbidden();
        return tracked((event) => event.sellerId === args.sellerId);
      },
    })
    sellerPriceChanged(
      @Root() event: PriceChangeEvent,
      @Arg("sellerId", () => ID) _sellerId: string,
    ): Omit<PriceChange, "seenBy"> {
      return { product: { id: event.productId }, amount: event.amount, note: event.note ?? "" };
    }

    @Authenticated()
    @Subscription(() => PriceChange, {
      description: "Every price change, for signed-in users (`@authenticated`, enforced by the router too).",
      subscribe: () => tracked(() => true),
    })
    watchedPriceChanged(@Root() event: PriceChangeEvent): Omit<PriceChange, "seenBy"> {
      return { product: { id: event.productId }, amount: event.amount, note: event.note ?? "" };
    }

    @FieldResolver(() => String, { nullable: true })
    seenBy(@Ctx() ctx: PricingContext): string | null {
      return ctx.viewer?.userId ?? null;
    }
  }

  const buildSchema = (): Promise<GraphQLSchema> =>
    buildFederatedSchema({ resolvers: [PriceChangeResolver], entities: [Product], pubSub });

  return {
    buildSchema,
    publish: (event: PriceChangeEvent) => pubSub.publish(TOPIC, event),
    /** Subscriptions the router holds open on this subgraph right now. */
    activeSubscriptions: () => active,
    async createServer(deps: Omit<SubgraphDeps, "db">, subscriptions: SubscriptionSettings | true = true) {
      return createSubgraphServer<PricingContext>({
        name: "pricing",
        schema: await buildSchema(),
        ...deps,
        subscriptions,
        context: (_req, requestId, viewer) => ({ requestId, viewer }),
      });
    },
  };
}
