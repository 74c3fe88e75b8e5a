import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The browser entry and the git-ignored folder bundles are built into. */
export const GRAPHIQL_ENTRY = fileURLToPath(new URL("../../graphiql/app.tsx", import.meta.url));
export const GRAPHIQL_DIST = fileURLToPath(new URL("../../dist/graphiql", import.meta.url));

const require = createRequire(import.meta.url);
const packageDir = (from: string, name: string) => dirname(createRequire(from).resolve(`${name}/package.json`));

/** The packages whose installed versions make up the bundle; a changed version rebuilds it. */
function inputs() {
  const graphiql = packageDir(import.meta.url, "graphiql");
  const graphiqlReact = packageDir(join(graphiql, "package.json"), "@graphiql/react");
  const fromReact = createRequire(join(graphiqlReact, "package.json"));
  const versions = ["graphiql", "@graphiql/toolkit", "react", "react-dom", "graphql-ws", "esbuild", "graphql"].map(
    (name) => `${name}@${JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version}`,
  );
  return {
    versions,
    workers: {
      "editor.worker": fromReact.resolve("monaco-editor/esm/vs/editor/editor.worker.js"),
      "json.worker": fromReact.resolve("monaco-editor/esm/vs/language/json/json.worker.js"),
      "graphql.worker": fromReact.resolve("monaco-graphql/esm/graphql.worker.js"),
    },
  };
}

export interface GraphiqlBundle {
  /** Folder holding graphiql.js, graphiql.css, the three workers and fonts. */
  dir: string;
  /** Whether this call built it (false: an earlier start already had). */
  built: boolean;
}

/**
 * Returns the GraphiQL bundle for the installed packages, building it with esbuild first when it is
 * missing or its inputs changed. Builds go to a private folder renamed into place, so routers
 * starting at once (test workers, cluster) never see half a bundle; the loser of a race discards its copy.
 */
export async function ensureGraphiqlBundle(distRoot = GRAPHIQL_DIST): Promise<GraphiqlBundle> {
  const { versions, workers } = inputs();
  // This file's own build options count too.
  const hash = createHash("sha256")
    .update(readFileSync(GRAPHIQL_ENTRY))
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(versions.join("\n"))
    .digest("hex");
  const dir = join(distRoot, hash.slice(0, 16));
  if (existsSync(join(dir, "graphiql.js"))) return { dir, built: false };

  mkdirSync(distRoot, { recursive: true });
  const staging = join(distRoot, `.build-${process.pid}-${Date.now()}`);
  const { build } = await import("esbuild");
  try {
    await build({
      entryPoints: { graphiql: GRAPHIQL_ENTRY, ...workers },
      outdir: staging,
      bundle: true,
      format: "iife",
      platform: "browser",
      target: ["chrome115", "firefox115", "safari16"],
      jsx: "automatic",
      minify: true,
      legalComments: "none",
      define: { "process.env.NODE_ENV": '"production"' },
      loader: { ".ttf": "file", ".woff": "file", ".woff2": "file" },
      assetNames: "[name]-[hash]",
      logLevel: "silent",
    });
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Someone else finished the same bundle first: theirs is as good as ours.
    if (existsSync(join(dir, "graphiql.js"))) return { dir, built: false };
    throw error;
  }
  // Older bundles (other package versions) are dead weight.
  for (const name of readdirSync(distRoot)) {
    if (join(distRoot, name) !== dir && !name.startsWith(".build-")) {
      rmSync(join(distRoot, name), { recursive: true, force: true });
    }
  }
  return { dir, built: true };
}
