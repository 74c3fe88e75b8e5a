import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./files";
import { compatibility, type CompatibilityReport } from "./breaking";

/**
 * The last published version of a schema file: as committed at HEAD, else (no git, no commit yet,
 * file never committed) the working copy, else undefined.
 */
export function publishedVersion(path: string, root = repoRoot): string | undefined {
  return committedVersion(path, root) ?? workingVersion(path, root);
}

/** The file as committed at HEAD; undefined without git, a commit, or the file in it. */
export function committedVersion(path: string, root = repoRoot): string | undefined {
  try {
    return execFileSync("git", ["show", `HEAD:${path}`], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return undefined;
  }
}

/** The working copy of a file, or undefined when it does not exist yet. */
export function workingVersion(path: string, root = repoRoot): string | undefined {
  const absolute = join(root, path);
  return existsSync(absolute) ? readFileSync(absolute, "utf8") : undefined;
}

export interface PublishedComparison {
  path: string;
  report: CompatibilityReport;
}

/** Compatibility of each composed schema file with its published version (skipped when never published). */
export function compareWithPublished(
  files: { path: string; content: string }[],
  root = repoRoot,
): PublishedComparison[] {
  return files.flatMap(({ path, content }) => {
    const published = publishedVersion(path, root);
    return published === undefined ? [] : [{ path, report: compatibility(published, content) }];
  });
}
