import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateIntentRequest, PaymentProvider } from "../src/payments/payment-provider";
import { intentIdempotencyKey } from "../src/services/payment-intent.service";

export interface ContractSubject {
  provider: PaymentProvider;
  /** Plays the customer paying the intent with a card that works. */
  pay(intentId: string): Promise<void>;
  stop?(): Promise<void>;
}

const request = (overrides: Partial<CreateIntentRequest> = {}): CreateIntentRequest => {
  const orderId = `ord_contract_${randomUUID().slice(0, 8)}`;
  return {
    orderId,
    attempt: 1,
    customerId: "usr_contract",
    amount: 2599,
    currency: "EUR",
    idempotencyKey: intentIdempotencyKey(orderId, 1),
    ...overrides,
  };
};

/**
 * What orders relies on from any payment provider. Stripe (through the real SDK), the sandbox and,
 * when a test key is configured, Stripe itself all have to pass it.
 */
export function paymentProviderContract(name: string, start: () => Promise<ContractSubject>) {
  describe(`${name}: payment provider contract`, () => {
    let subject: ContractSubject;
    beforeAll(async () => {
      subject = await start();
    });
    afterAll(() => subject?.stop?.());

    it("creates an intent awaiting payment, with a client secret", async () => {
      const intent = await subject.provider.createIntent(request());
      expect(intent.id).toMatch(/^pi_/);
      expect(intent.status).toBe("REQUIRES_PAYMENT_METHOD");
      expect(intent.clientSecret).toMatch(new RegExp(`^${intent.id}_secret_`));
    });

    it("answers the same idempotency key with the same intent, and another key with another", async () => {
      const first = request();
      const [a, b] = [await subject.provider.createIntent(first), await subject.provider.createIntent(first)];
      expect(b.id).toBe(a.id);
      expect((await subject.provider.createIntent(request())).id).not.toBe(a.id);
    });

    it("cancels an unpaid intent, idempotently", async () => {
      const { id } = await subject.provider.createIntent(request());
      expect((await subject.provider.cancelIntent(id, `cancel-${id}`)).status).toBe("CANCELED");
      expect((await subject.provider.cancelIntent(id, `cancel-${id}`)).status).toBe("CANCELED");
    });

    it("will not cancel a paid intent: it answers SUCCEEDED", async () => {
      const { id } = await subject.provider.createIntent(request());
      await subject.pay(id);
      expect((await subject.provider.cancelIntent(id, `cancel-${id}`)).status).toBe("SUCCEEDED");
    });

    it("refunds part of a paid intent once per key", async () => {
      const created = request();
      const { id } = await subject.provider.createIntent(created);
      await subject.pay(id);
      const refund = {
        paymentIntentId: id,
        amount: 1000,
        idempotencyKey: `refund-${id}-1`,
        orderId: created.orderId,
        reason: "contract",
      };
      const first = await subject.provider.refund(refund);
      expect(first.status).toBe("SUCCEEDED");
      expect((await subject.provider.refund(refund)).id).toBe(first.id);
      const second = await subject.provider.refund({ ...refund, amount: 1599, idempotencyKey: `refund-${id}-2` });
      expect(second.id).not.toBe(first.id);
    });
  });
}
