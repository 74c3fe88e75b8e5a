import type { SubgraphEntry } from "./subgraphs";

/**
 * Groups subgraphs into start waves: each wave starts concurrently, after every subgraph named
 * in its members' `after`. Throws on a cycle or an unknown name rather than hanging.
 */
export function startWaves(entries: readonly SubgraphEntry[]): SubgraphEntry[][] {
  const done = new Set<string>();
  let pending = [...entries];
  const waves: SubgraphEntry[][] = [];
  while (pending.length > 0) {
    const ready = pending.filter((entry) => entry.after.every((name) => done.has(name)));
    if (ready.length === 0) {
      throw new Error(
        `Subgraph start order cannot be satisfied: ${pending.map((e) => `${e.name} after ${e.after.join(", ")}`).join("; ")}`,
      );
    }
    waves.push(ready);
    for (const entry of ready) done.add(entry.name);
    pending = pending.filter((entry) => !ready.includes(entry));
  }
  return waves;
}
