// Extracts the client's operations into the persisted-operation manifest the router's safelist reads.
//   tsx scripts/persisted-manifest.ts [--src client/src] [--out client/persisted-query-manifest.json] [--no-typename]
// Sources: .graphql/.gql files and gql`…` / graphql(`…`) templates in .ts/.tsx. A missing source
// directory (no client yet) yields an empty manifest.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
// By path: the builder lives with the router that reads the manifest; @bazaar/router exports only its server.
import { buildManifest, readClientSources } from "../router/src/clients/manifest-builder";

const root = fileURLToPath(new URL("..", import.meta.url));

function parseArgs(argv: string[]): { src: string; out: string; addTypename: boolean } {
  const options = { src: "client/src", out: "client/persisted-query-manifest.json", addTypename: true };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === "--no-typename") options.addTypename = false;
    else if ((flag === "--src" || flag === "--out") && value) {
      options[flag === "--src" ? "src" : "out"] = value;
      i += 1;
    } else {
      console.error(`persisted-manifest: unexpected argument ${flag}`);
      process.exit(2);
    }
  }
  return options;
}

const args = parseArgs(process.argv.slice(2));
const src = resolve(root, args.src);
const out = resolve(root, args.out);
const files = await readClientSources(src);
if (files.length === 0) console.log(`persisted-manifest: no client sources under ${src}; writing an empty manifest`);
try {
  const manifest = buildManifest(files, { addTypename: args.addTypename });
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`persisted-manifest: ${manifest.operations.length} operation(s) from ${files.length} file(s) → ${out}`);
} catch (error) {
  console.error(`persisted-manifest: ${(error as Error).message}`);
  process.exit(1);
}
