import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GeneratedFile } from "./compose";
import { unifiedDiff } from "./diff";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface Drift {
  path: string;
  /** Unified diff from the committed file to the composed one; empty when the file is missing. */
  diff: string;
  missing: boolean;
}

/** Writes the files that changed; returns the paths written. */
export function writeFiles(files: GeneratedFile[], root = repoRoot): string[] {
  return files.flatMap((file) => {
    const absolute = join(root, file.path);
    if (existsSync(absolute) && readFileSync(absolute, "utf8") === file.content) return [];
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, file.content);
    return [file.path];
  });
}

/** Every generated file whose committed copy is missing or differs. */
export function findDrift(files: GeneratedFile[], root = repoRoot): Drift[] {
  return files.flatMap((file) => {
    const absolute = join(root, file.path);
    const missing = !existsSync(absolute);
    const committed = missing ? "" : readFileSync(absolute, "utf8");
    if (committed === file.content) return [];
    const diff = missing
      ? ""
      : unifiedDiff(committed, file.content, `${file.path} (committed)`, `${file.path} (composed)`);
    return [{ path: file.path, diff, missing }];
  });
}
