import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findPostgresBin } from "./postgres-cluster";

// Fake install trees stand in for the real one; no cluster is started here.
const root = mkdtempSync(join(tmpdir(), "bazaar-find-pg-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const empty = join(root, "empty");
mkdirSync(empty);

function fakeBin(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const tool of ["initdb", "pg_ctl", "postgres"]) {
    writeFileSync(join(dir, tool), "#!/bin/sh\n");
    chmodSync(join(dir, tool), 0o755);
  }
  return dir;
}

describe("findPostgresBin", () => {
  it("rejects a PG_BIN without the server tools and says what to install", () => {
    expect(() => findPostgresBin({ env: { PG_BIN: empty } })).toThrowError(
      /PG_BIN=.*does not contain initdb, pg_ctl and postgres; install the PostgreSQL server: apt-get install postgresql/,
    );
  });

  it("fails loudly when nothing is installed anywhere it looks", () => {
    expect(() => findPostgresBin({ env: { PATH: empty }, installRoot: empty })).toThrowError(
      /No PostgreSQL server binaries .* found; install the PostgreSQL server: apt-get install postgresql .*or set PG_BIN/,
    );
  });

  it("takes a valid PG_BIN as is", () => {
    const bin = fakeBin(join(root, "custom", "bin"));
    expect(findPostgresBin({ env: { PG_BIN: bin } })).toBe(bin);
  });

  it("picks the numerically highest versioned install", () => {
    const installRoot = join(root, "lib");
    for (const version of ["9.6", "15", "13"]) fakeBin(join(installRoot, version, "bin"));
    mkdirSync(join(installRoot, "16")); // a version without binaries (client-only) is skipped
    expect(findPostgresBin({ env: { PATH: empty }, installRoot })).toBe(join(installRoot, "15", "bin"));
  });

  it("falls back to an initdb on PATH", () => {
    const bin = fakeBin(join(root, "path", "bin"));
    expect(findPostgresBin({ env: { PATH: bin }, installRoot: empty })).toBe(bin);
  });
});
