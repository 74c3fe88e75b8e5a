import { createAccessTokenVerifier, defaultVerifierConfig, remoteKeySet } from "@bazaar/auth";
import { loadEnv } from "./env";
import { createRouter } from "./server";

const env = loadEnv();
const router = createRouter({
  supergraphPath: env.SUPERGRAPH_PATH,
  subgraphUrls: env.subgraphUrls,
  production: env.NODE_ENV === "production",
  verifyToken: createAccessTokenVerifier(
    remoteKeySet(env.AUTH_JWKS_URL),
    defaultVerifierConfig({ issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE }),
  ),
  jwksUrl: env.AUTH_JWKS_URL,
  serviceToken: env.SERVICE_TOKEN,
});
const running = await router.listen(env.PORT, env.HOST);
console.log(JSON.stringify({ level: "info", msg: "router ready", url: `${running.url}/graphql` }));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await running.stop();
    process.exit(0);
  });
}
