import "reflect-metadata";
import { Directive, Field, Int, ObjectType } from "type-graphql";

/** Money travels as integer minor units (cents) plus an ISO-4217 code: never floats. */
@Directive("@shareable")
@ObjectType({ description: "An amount of money in minor units (e.g. cents) of a currency." })
export class Money {
  @Field(() => Int, { description: "Amount in the currency's minor unit, e.g. 1999 for 19.99 USD." })
  amount!: number;

  @Field(() => String, { description: "ISO-4217 currency code, e.g. USD." })
  currencyCode!: string;
}

export function money(amount: number, currencyCode: string): Money {
  return Object.assign(new Money(), { amount, currencyCode: currencyCode.trim() });
}
