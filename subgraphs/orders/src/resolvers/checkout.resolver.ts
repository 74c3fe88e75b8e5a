import { Authenticated } from "@bazaar/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { OrdersContext } from "../context";
import { CheckoutInput } from "../schema/checkout.input";
import { CheckoutPayload } from "../schema/checkout.payload";
import { ConfirmSandboxPaymentInput } from "../schema/order.input";
import { ConfirmSandboxPaymentPayload } from "../schema/order.payload";
import { checkout } from "../services/checkout.service";
import { confirmSandboxPayment } from "../services/sandbox-payment.service";

@Resolver()
export class CheckoutResolver {
  @Authenticated()
  @Mutation(() => CheckoutPayload, {
    description:
      "Turns the customer's cart into an order at catalog's prices, holds the stock for 15 minutes and sets up the payment. Idempotent per idempotencyKey.",
  })
  checkout(@Arg("input", () => CheckoutInput) input: CheckoutInput, @Ctx() ctx: OrdersContext) {
    return checkout(ctx, input);
  }

  @Authenticated()
  @Mutation(() => ConfirmSandboxPaymentPayload, {
    description:
      "DEVELOPMENT AND TESTS ONLY: acts out the customer's side of a SANDBOX payment (succeed, decline, require action). Fails with SANDBOX_DISABLED when a real payment provider is configured.",
  })
  confirmSandboxPayment(
    @Arg("input", () => ConfirmSandboxPaymentInput) input: ConfirmSandboxPaymentInput,
    @Ctx() ctx: OrdersContext,
  ) {
    return confirmSandboxPayment(ctx, input);
  }
}
