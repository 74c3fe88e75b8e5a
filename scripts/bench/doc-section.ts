import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** The comment lines that delimit the section a benchmark owns in docs/benchmarks.md. */
export const sectionMarkers = (name: string) => ({
  start: `<!-- bench:${name}:start -->`,
  end: `<!-- bench:${name}:end -->`,
});

/**
 * Replaces the section `name` of the benchmarks document (between its markers) with `content`, or
 * appends it; every other section stays as it is, so each benchmark owns exactly its own figures.
 */
export function replaceDocSection(existing: string, name: string, content: string): string {
  const { start, end } = sectionMarkers(name);
  const block = `${start}\n${content.trim()}\n${end}`;
  const from = existing.indexOf(start);
  const to = existing.indexOf(end);
  if (from !== -1 && to > from) return `${existing.slice(0, from)}${block}${existing.slice(to + end.length)}`;
  const base = existing.trim()
    ? `${existing.trimEnd()}\n\n`
    : "# Benchmarks\n\nFigures measured on this project's machines; never asserted in tests.\n\n";
  return `${base}${block}\n`;
}

/** Writes `content` (starting with its own `## heading`) as the section `name` of the document at `path`. */
export function writeDocSection(path: string, name: string, content: string): void {
  const existing = existsSync(path) ? readFileSync(path, "utf8") : "";
  writeFileSync(path, replaceDocSection(existing, name, content));
}
