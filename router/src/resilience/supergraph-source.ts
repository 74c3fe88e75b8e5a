import { type FSWatcher, watch } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname } from "node:path";
import type { Logger } from "../observability/logger";
import type { RouterMetrics } from "../observability/metrics";

/** Editors and deploy tools write a file in several steps; wait for them to settle. */
export const DEFAULT_RELOAD_DEBOUNCE_MS = 200;

export interface SupergraphSourceOptions {
  /** A fixed SDL (tests, embedding); wins over `path` and is never reloaded. */
  sdl?: string | undefined;
  path: string;
  /** Reload `path` when it changes. */
  watch: boolean;
  debounceMs?: number;
  /**
   * Turns the file's text into what the gateway loads, throwing when it is unusable (bad SDL, an
   * override naming a subgraph it lacks). Runs before the gateway sees a new file.
   */
  prepare(text: string): string;
  /** Called with each supergraph text that was loaded, first and reloaded. */
  onLoad?(text: string): void;
  logger: Logger;
  metrics?: RouterMetrics | undefined;
}

type Update = (supergraphSdl: string) => void;

/**
 * The gateway's `supergraphSdl` manager: loads the file, then watches its directory (which also sees
 * atomic renames and symlink swaps such as Kubernetes ConfigMaps) and hands each changed, valid text
 * to the gateway's `update`. Requests already planned finish on the schema they started with. A new
 * file that fails to parse, validate or build is logged and ignored: the old supergraph stays.
 */
export function supergraphSource(options: SupergraphSourceOptions) {
  const { logger, metrics } = options;
  return {
    async initialize({ update }: { update: Update }) {
      const first = options.sdl ?? (await readFile(options.path, "utf8"));
      const supergraphSdl = options.prepare(first);
      options.onLoad?.(first);
      if (options.sdl !== undefined || !options.watch) return { supergraphSdl };

      let current = first;
      let timer: NodeJS.Timeout | undefined;
      const reload = async () => {
        let text: string;
        try {
          text = await readFile(options.path, "utf8");
        } catch (error) {
          logger.error(
            { path: options.path, error: String(error) },
            "supergraph file unreadable; keeping the current one",
          );
          metrics?.supergraphReloads.inc({ outcome: "rejected" });
          return;
        }
        if (text === current) return;
        try {
          update(options.prepare(text));
          current = text;
          options.onLoad?.(text);
          metrics?.supergraphReloads.inc({ outcome: "applied" });
          logger.info({ path: options.path }, "supergraph reloaded");
        } catch (error) {
          metrics?.supergraphReloads.inc({ outcome: "rejected" });
          logger.error(
            { path: options.path, error: String(error).slice(0, 2_000) },
            "new supergraph rejected; still serving the previous one",
          );
        }
      };
      const file = basename(options.path);
      const watcher: FSWatcher = watch(dirname(options.path), (_event, name) => {
        // null names happen on some platforms; a changed sibling may be a symlink swap of ours.
        if (name !== null && name !== file && !name.startsWith("..")) return;
        clearTimeout(timer);
        timer = setTimeout(() => void reload(), options.debounceMs ?? DEFAULT_RELOAD_DEBOUNCE_MS);
      });
      watcher.on("error", (error) => logger.error({ error: String(error) }, "supergraph watch failed"));
      return {
        supergraphSdl,
        async cleanup() {
          clearTimeout(timer);
          watcher.close();
        },
      };
    },
  };
}
