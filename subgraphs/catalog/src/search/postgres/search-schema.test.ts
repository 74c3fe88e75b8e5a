import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const source = fileURLToPath(new URL("./search-schema.sql", import.meta.url));
const migrations = fileURLToPath(new URL("../../../../../drizzle/migrations/", import.meta.url));
const RESTORE =
  "regenerating the init migration removed the search migration; restore it with " +
  "`(cd drizzle && node_modules/.bin/drizzle-kit generate --custom --name search)` and copy " +
  "subgraphs/catalog/src/search/postgres/search-schema.sql into the new file";

describe("the search migration", () => {
  it("is committed next to the init migration, identical to its source", () => {
    const journal = JSON.parse(readFileSync(`${migrations}meta/_journal.json`, "utf8")) as {
      entries: { tag: string }[];
    };
    const tag = journal.entries.map((entry) => entry.tag).find((t) => t.endsWith("_search"));
    expect(tag, RESTORE).toBeDefined();
    expect(existsSync(`${migrations}${tag}.sql`), RESTORE).toBe(true);
    expect(readFileSync(`${migrations}${tag}.sql`, "utf8"), RESTORE).toBe(readFileSync(source, "utf8"));
  });
});
