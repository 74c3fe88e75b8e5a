// Builds every subgraph's schema, composes the supergraph and writes the published schema files.
//   npm run schema:compose                 write subgraphs/*/schema.graphql and schema/**
//                                          and schema/CHANGELOG.md: the committed one plus an entry
//                                          for what the API and partner schemas change since HEAD
//   npm run schema:check                   (--check) write nothing; exit 1 if any file drifts or if
//                                          schema/api.graphql or schema/partner.graphql breaks its
//                                          published (HEAD) version without a prior @deprecated
//   tsx scripts/schema-compose.ts --emit sellers   write only that subgraph's SDL (its build script)
import { SUBGRAPHS } from "@bazaar/stack/subgraphs";
import { composeAll, subgraphFiles, subgraphSdl } from "./schema/compose";
import { findDrift, writeFiles } from "./schema/files";
import { changelogUpdate, reportCompatibility } from "./schema/publish";

const MAX_DIFF_LINES = 80;

function usage(message: string): never {
  console.error(`schema-compose: ${message}\nusage: schema-compose.ts [--check | --emit <subgraph>]`);
  process.exit(2);
}

function parseArgs(argv: string[]): { mode: "write" | "check" } | { mode: "emit"; name: string } {
  const [flag, value, ...rest] = argv;
  if (flag === undefined) return { mode: "write" };
  if (flag === "--check" && value === undefined) return { mode: "check" };
  if (flag === "--emit" && value !== undefined && rest.length === 0) {
    if (!SUBGRAPHS.some((s) => s.name === value))
      usage(`unknown subgraph "${value}" (${SUBGRAPHS.map((s) => s.name).join(", ")})`);
    return { mode: "emit", name: value };
  }
  usage(`unexpected arguments: ${argv.join(" ")}`);
}

function report(written: string[]): void {
  if (written.length === 0) console.log("schema-compose: every file is up to date");
  for (const path of written) console.log(`schema-compose: wrote ${path}`);
}

const args = parseArgs(process.argv.slice(2));

if (args.mode === "emit") {
  const entry = SUBGRAPHS.find((s) => s.name === args.name);
  if (!entry) throw new Error("unreachable: parseArgs checked the name");
  report(writeFiles(subgraphFiles(entry.name, await subgraphSdl(entry))));
  process.exit(0);
}

const outcome = await composeAll();
for (const hint of outcome.hints) console.log(hint);
if (!outcome.ok) {
  for (const error of outcome.errors) console.error(error);
  console.error(`schema-compose: composition failed with ${outcome.errors.length} error(s)`);
  process.exit(1);
}

if (args.mode === "write") {
  report(writeFiles([...outcome.files, changelogUpdate(outcome.files)]));
  const breaking = reportCompatibility(outcome.files, (line) => console.warn(`schema-compose: ${line}`));
  if (breaking > 0) {
    console.warn(`schema-compose: ${breaking} breaking change(s); schema:check fails until each is deprecated first`);
  }
  process.exit(0);
}

const breaking = reportCompatibility(outcome.files, (line) => console.error(`schema-check: ${line}`));
if (breaking > 0) {
  console.error(
    `schema-check: ${breaking} breaking change(s) against the published schema. Deprecate first ` +
      "(@deprecated(reason: …)), publish, and remove in a later release.",
  );
}
const drift = findDrift(outcome.files);
if (drift.length === 0) {
  console.log(`schema-check: ${outcome.files.length} files match what the subgraphs compose to`);
  process.exit(breaking > 0 ? 1 : 0);
}
console.error(`schema-check: ${drift.length} file(s) differ from what the subgraphs compose to:`);
for (const file of drift) console.error(`  ${file.path}${file.missing ? " (missing)" : ""}`);
for (const file of drift.filter((f) => !f.missing)) {
  const lines = file.diff.split("\n");
  console.error(`\n${lines.slice(0, MAX_DIFF_LINES).join("\n")}`);
  if (lines.length > MAX_DIFF_LINES) console.error(`... ${lines.length - MAX_DIFF_LINES} more diff lines`);
}
console.error("\nRun `npm run schema:compose` and commit the result.");
process.exit(1);
