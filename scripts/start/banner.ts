import type { RunningStack } from "@bazaar/stack";
import { DEMO_ACCOUNTS } from "../seed/index";

export interface ReadyTimings {
  totalMs: number;
  databaseMs: number;
  seedMs?: number;
  servicesMs: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/** 127.0.0.1 is what the services bind to by default; people type localhost. */
const display = (url: string) => url.replace("://127.0.0.1:", "://localhost:");

export function banner(stack: RunningStack, database: string, timings: ReadyTimings): string {
  const width = Math.max(...Object.keys(stack.subgraphUrls).map((name) => name.length));
  const emailWidth = Math.max(...DEMO_ACCOUNTS.map((account) => account.email.length));
  const passwordWidth = Math.max(...DEMO_ACCOUNTS.map((account) => account.password.length));
  const steps = [
    `database ${seconds(timings.databaseMs)}`,
    ...(timings.seedMs === undefined ? [] : [`seed ${seconds(timings.seedMs)}`]),
    `services ${seconds(timings.servicesMs)}`,
  ];
  return [
    "",
    `  Bazaar is ready in ${seconds(timings.totalMs)} (${steps.join(", ")})`,
    "",
    `  GraphQL API  ${display(stack.routerUrl)}`,
    "",
    "  Subgraphs (the router's backends; clients use the API above):",
    ...Object.entries(stack.subgraphUrls).map(([name, url]) => `    ${name.padEnd(width)}  ${display(url)}`),
    "",
    `  Database     ${database}`,
    "",
    "  Demo accounts (seeded on first start; sign in with the login mutation):",
    ...DEMO_ACCOUNTS.map(
      (account) =>
        `    ${account.email.padEnd(emailWidth)}  ${account.password.padEnd(passwordWidth)}  ${account.roles.join(", ")}`,
    ),
    "",
    "  Press Ctrl-C to stop.",
    "",
  ].join("\n");
}
