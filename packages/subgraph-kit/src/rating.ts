import "reflect-metadata";
import { Directive, Field, Float, Int, ObjectType } from "type-graphql";

@Directive("@shareable")
@ObjectType({ description: "Average of 1–5 star ratings and how many there are." })
export class RatingSummary {
  @Field(() => Float, { description: "0 when there are no ratings." })
  average!: number;

  @Field(() => Int)
  count!: number;
}

export function ratingSummary(average: number, count: number): RatingSummary {
  return Object.assign(new RatingSummary(), { average: Math.round(average * 100) / 100, count });
}
