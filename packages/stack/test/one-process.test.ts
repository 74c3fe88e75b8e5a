import { printSubgraphSchema } from "@apollo/subgraph";
import { buildFederatedSchema } from "@bazaar/subgraph-kit";
import { Directive, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { describe, expect, it } from "vitest";
import { SUBGRAPHS } from "../src/subgraphs";

// The stack builds all five type-graphql schemas in one process, and type-graphql keeps its
// metadata in one global store. These two "subgraphs" both declare a class named User.

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType("User")
class ReviewAuthorStub {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
class Review {
  @Field(() => ID)
  id!: string;

  @Field(() => ReviewAuthorStub)
  author!: ReviewAuthorStub;
}

@Resolver(() => Review)
class ReviewResolver {
  @Query(() => Review, { nullable: true })
  review() {
    return null;
  }
}

@Directive('@key(fields: "id")')
@ObjectType("User")
class PointsUser {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => PointsUser)
class PointsResolver {
  @FieldResolver(() => Int)
  points(@Root() user: PointsUser) {
    return user.id.length;
  }
}

const userType = (sdl: string) => sdl.match(/type User [^{]*\{[^}]*\}/)?.[0];

describe("several type-graphql subgraphs in one process", () => {
  it("keeps same-named classes apart: each schema's User has only its own fields", async () => {
    const reviews = printSubgraphSchema(await buildFederatedSchema({ resolvers: [ReviewResolver], entities: [] }));
    const points = printSubgraphSchema(
      await buildFederatedSchema({
        resolvers: [PointsResolver],
        entities: [PointsUser],
        referenceResolvers: { User: { __resolveReference: (ref: { id: string }) => ref } },
      }),
    );
    expect(userType(reviews)).toBe('type User @key(fields: "id", resolvable: false) {\n  id: ID!\n}');
    expect(userType(points)).toBe('type User @key(fields: "id") {\n  id: ID!\n  points: Int!\n}');
  });

  it("builds every subgraph the same whether built one after another or all at once", async () => {
    const modules = await Promise.all(SUBGRAPHS.map((s) => s.load()));
    const sequential: string[] = [];
    for (const module of modules) sequential.push(printSubgraphSchema(await module.buildSchema()));
    const concurrent = await Promise.all(modules.map(async (m) => printSubgraphSchema(await m.buildSchema())));
    expect(concurrent).toEqual(sequential);
  });
});
