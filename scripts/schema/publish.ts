import { addChangelogEntry, CHANGELOG_HEADER, changelogEntry } from "./changelog";
import type { GeneratedFile } from "./compose";
import { committedVersion, compareWithPublished } from "./published";

export const CHANGELOG_PATH = "schema/CHANGELOG.md";
/** The schemas with a compatibility promise: clients' and partners'. */
export const CONTRACT_PATHS = ["schema/api.graphql", "schema/partner.graphql"];

const contentOf = (files: GeneratedFile[], path: string) => {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`composition produced no ${path}`);
  return file.content;
};

/**
 * The changelog as committed plus one entry for everything the composed API and partner schemas
 * change relative to their committed versions; the committed changelog unchanged when they change
 * nothing. Recomputed from HEAD on every compose, so composing twice never adds a second entry and
 * each commit that changes a schema carries exactly one.
 */
export function changelogUpdate(files: GeneratedFile[], date = new Date().toISOString().slice(0, 10)): GeneratedFile {
  const committed = committedVersion(CHANGELOG_PATH);
  const entry = changelogEntry(
    date,
    { api: committedVersion("schema/api.graphql"), partner: committedVersion("schema/partner.graphql") },
    { api: contentOf(files, "schema/api.graphql"), partner: contentOf(files, "schema/partner.graphql") },
  );
  return {
    path: CHANGELOG_PATH,
    content: entry ? addChangelogEntry(committed, entry) : (committed ?? CHANGELOG_HEADER),
  };
}

/**
 * Prints how the composed contracts compare with their published (committed) versions and returns
 * the number of breaking changes that were not preceded by a deprecation.
 */
export function reportCompatibility(files: GeneratedFile[], log: (line: string) => void): number {
  const comparisons = compareWithPublished(files.filter((f) => CONTRACT_PATHS.includes(f.path)));
  let failures = 0;
  for (const { path, report } of comparisons) {
    for (const change of report.failures) log(`breaking  ${path}: ${change.description}`);
    for (const change of report.retired) log(`retired   ${path}: ${change.description} (${change.allowedBecause})`);
    for (const change of report.dangerous) log(`dangerous ${path}: ${change.description}`);
    failures += report.failures.length;
  }
  return failures;
}
