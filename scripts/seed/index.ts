export { isSeeded } from "./seeded";
export { type SeedCounts, type SeedSummary, seedDemoData } from "./seed-demo-data";
export { planSeed, type SeedPlan } from "./plan";
export { seedId } from "./seed-ids";
export { truncateDemoData } from "./truncate";
export { DEMO_ACCOUNTS } from "./user.seed";
