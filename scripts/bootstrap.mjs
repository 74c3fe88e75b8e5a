#!/usr/bin/env node
// Entry point of every root npm script. It needs nothing but Node and npm:
// it brings pnpm (pinned in package.json) into .tools/ when the machine has none,
// installs the workspace when the lockfile or a manifest changed since the last
// install, then runs the given command with the workspace binaries on PATH.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmVersion = manifest.packageManager.replace(/^pnpm@/, "");
const [nodeMajor] = process.versions.node.split(".").map(Number);

if (nodeMajor < 20) fail(`Bazaar needs Node.js 20 or newer; this is ${process.version}.`);

function fail(message) {
  console.error(`bootstrap: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root, ...options });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function pnpmOnPath() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  return probe.status === 0 && probe.stdout.trim() === pnpmVersion ? "pnpm" : undefined;
}

function ensurePnpm() {
  const found = pnpmOnPath();
  if (found) return found;
  const local = join(root, ".tools", "node_modules", "pnpm", "bin", "pnpm.cjs");
  if (!existsSync(local)) {
    console.log(`bootstrap: installing pnpm ${pnpmVersion} into .tools/ (no matching pnpm on PATH)`);
    mkdirSync(join(root, ".tools"), { recursive: true });
    const status = run("npm", ["install", "--prefix", join(root, ".tools"), "--no-save", "--no-audit", "--no-fund", `pnpm@${pnpmVersion}`]);
    if (status !== 0 || !existsSync(local)) fail("installing pnpm with npm failed; see the npm output above.");
  }
  return local;
}

// Every file whose change calls for a fresh `pnpm install`.
function installInputs() {
  const files = ["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml"];
  for (const group of ["packages", "subgraphs"]) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) files.push(join(group, name, "package.json"));
  }
  files.push("router/package.json", "drizzle/package.json", "scripts/package.json", "client/package.json");
  const hash = createHash("sha256");
  for (const file of files) {
    const path = join(root, file);
    if (existsSync(path)) hash.update(file).update(readFileSync(path));
  }
  return hash.digest("hex");
}

function ensureInstalled(pnpm) {
  const stamp = join(root, "node_modules", ".bazaar-install-stamp");
  const wanted = `${pnpmVersion}:${installInputs()}`;
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) return;
  console.log("bootstrap: installing workspace dependencies (pnpm install)");
  // CI installs exactly the committed lockfile; a developer who added a dependency updates it.
  const frozen = process.env.CI && existsSync(join(root, "pnpm-lock.yaml")) ? ["--frozen-lockfile"] : [];
  const args = ["install", ...frozen, "--reporter=append-only"];
  const status = pnpm.endsWith(".cjs") ? run(process.execPath, [pnpm, ...args]) : run(pnpm, args);
  if (status !== 0) fail("pnpm install failed; see the output above.");
  writeFileSync(stamp, wanted);
}

const pnpm = ensurePnpm();
ensureInstalled(pnpm);

const [command, ...args] = process.argv.slice(2);
if (!command) process.exit(0);

// Workspace binaries first, then a shim directory so `pnpm` resolves inside scripts.
const shimDir = join(root, ".tools", "bin");
if (pnpm.endsWith(".cjs")) {
  mkdirSync(shimDir, { recursive: true });
  writeFileSync(join(shimDir, "pnpm"), `#!/bin/sh\nexec "${process.execPath}" "${pnpm}" "$@"\n`, { mode: 0o755 });
}
const PATH = [join(root, "node_modules", ".bin"), shimDir, process.env.PATH].join(delimiter);
// tsx applies a tsconfig only to the files it includes; the root one includes every package,
// so decorators compile wherever a command starts.
const TSX_TSCONFIG_PATH = process.env.TSX_TSCONFIG_PATH ?? join(root, "tsconfig.json");
const child = spawnSync(command, args, { stdio: "inherit", cwd: process.cwd(), env: { ...process.env, PATH, TSX_TSCONFIG_PATH } });
if (child.error) fail(`could not run ${command}: ${child.error.message}`);
process.exit(child.status ?? (child.signal ? 1 : 0));
