import { existsSync, readFileSync, writeFileSync } from "node:fs";

const markers = (name: string) => ({ start: `<!-- bench:${name}:start -->`, end: `<!-- bench:${name}:end -->` });

/**
 * Replaces the section `name` of the benchmarks document (between its start/end markers), or
 * appends it; every other section stays as it is, so each benchmark owns exactly its own figures.
 */
export function replaceDocSection(existing: string, name: string, section: string): string {
  const { start, end } = markers(name);
  const block = `${start}\n${section.trim()}\n${end}`;
  const from = existing.indexOf(start);
  const to = existing.indexOf(end);
  if (from !== -1 && to > from) return `${existing.slice(0, from)}${block}${existing.slice(to + end.length)}`;
  const base = existing.trim()
    ? `${existing.trimEnd()}\n\n`
    : "# Benchmarks\n\nFigures measured on this project's machines; never asserted in tests.\n\n";
  return `${base}${block}\n`;
}

/** Writes `## title` + `body` as the section `name` of the document at `path`. */
export function writeDocSection(path: string, name: string, title: string, body: string): void {
  const existing = existsSync(path) ? readFileSync(path, "utf8") : "";
  writeFileSync(path, replaceDocSection(existing, name, `## ${title}\n\n${body.trim()}\n`));
}
