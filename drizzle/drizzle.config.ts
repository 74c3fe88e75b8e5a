import { defineConfig } from "drizzle-kit";

// Migrations are generated offline from the TypeScript schema and committed.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/*.ts",
  out: "./migrations",
  schemaFilter: ["users", "catalog", "sellers", "orders", "recommendations", "bus"],
});
