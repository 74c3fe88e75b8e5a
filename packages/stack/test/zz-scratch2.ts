import "@bazaar/subgraph-kit";
import { buildSchema as buildSellers } from "@bazaar/sellers";
import { printSubgraphSchema } from "@apollo/subgraph";
import { Resolver, Query, ObjectType, Field, ID } from "type-graphql";
if (process.argv[2] === "withquery") {
  @ObjectType() class Thing { @Field(() => ID) id!: string; }
  @Resolver(() => Thing) class R { @Query(() => Thing, { nullable: true }) thing() { return null; } }
  void R;
}
const s = printSubgraphSchema(await buildSellers());
console.log(process.argv[2], "has User:", s.includes("type User"), "has thing:", s.includes("thing"));
