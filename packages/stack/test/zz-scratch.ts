import "@bazaar/subgraph-kit";
import { buildFederatedSchema } from "@bazaar/subgraph-kit";
import { buildSchema as buildSellers } from "@bazaar/sellers";
import { printSubgraphSchema } from "@apollo/subgraph";
import { Directive, Field, ID, ObjectType, Resolver, FieldResolver, Root, Query, Int } from "type-graphql";

@Directive('@key(fields: "id")')
@ObjectType()
class User {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
class Review {
  @Field(() => ID) id!: string;
  @Field(() => Int) stars!: number;
}

@Resolver(() => User)
class UserReviewsResolver {
  @FieldResolver(() => [Review])
  reviews(@Root() user: User) { return [{ id: `r-${user.id}`, stars: 5 }]; }
}
@Resolver(() => Review)
class ReviewResolver {
  @Query(() => Review, { nullable: true })
  review() { return null; }
}

const a = await buildSellers();
const b = await buildFederatedSchema({ resolvers: [UserReviewsResolver, ReviewResolver], referenceResolvers: { User: { __resolveReference: (r: { id: string }) => r } } });
const a2 = await buildSellers();
console.log("=== sellers\n" + printSubgraphSchema(a));
console.log("=== second\n" + printSubgraphSchema(b));
console.log("=== sellers again equal:", printSubgraphSchema(a) === printSubgraphSchema(a2));
