import { SandboxPaymentProvider } from "../src/payments/sandbox.provider";
import { paymentProviderContract } from "./payment-provider.contract";

paymentProviderContract("Sandbox provider", async () => {
  const provider = new SandboxPaymentProvider();
  return {
    provider,
    pay: async (id) => {
      const intent = provider.intent(id);
      if (intent) provider.simulate(intent, "SUCCEED");
    },
  };
});
