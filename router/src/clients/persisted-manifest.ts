import { readFile } from "node:fs/promises";
import { z } from "zod";
import { sha256Hex } from "./partner-keys";

/**
 * The persisted-operation manifest, in the format of Apollo's persisted query manifests:
 * `{ operations: [{ id, name, type, body }] }` where `id` is the SHA-256 of `body`, so a client
 * may send either the id (as an APQ hash) or the identical body.
 */
export const manifestSchema = z.object({
  format: z.literal("apollo-persisted-query-manifest").optional(),
  version: z.literal(1).optional(),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/, "expected a lower-case hex SHA-256"),
      name: z.string(),
      type: z.enum(["query", "mutation", "subscription"]).optional(),
      body: z.string().min(1),
    }),
  ),
});
export type Manifest = z.output<typeof manifestSchema>;
export type PersistedOperation = Manifest["operations"][number];

export class OperationManifest {
  private readonly byId: Map<string, PersistedOperation>;

  private constructor(operations: PersistedOperation[]) {
    this.byId = new Map(operations.map((operation) => [operation.id, operation]));
  }

  /** Validates the shape and that every id really is the hash of its body. */
  static from(json: unknown, origin = "manifest"): OperationManifest {
    const parsed = manifestSchema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
      throw new Error(`Invalid persisted-operation ${origin}:\n${problems.join("\n")}`);
    }
    for (const operation of parsed.data.operations) {
      if (sha256Hex(operation.body) !== operation.id)
        throw new Error(`Persisted operation "${operation.name}" in ${origin}: id is not the SHA-256 of its body`);
    }
    return new OperationManifest(parsed.data.operations);
  }

  static async load(path: string): Promise<OperationManifest> {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      throw new Error(
        `Safelisting is on but the persisted-operation manifest ${path} cannot be read (${(error as Error).message}); ` +
          "generate it with scripts/persisted-manifest.ts or set ROUTER_SAFELIST_MANIFEST",
      );
    }
    return OperationManifest.from(JSON.parse(text), path);
  }

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  body(id: string): string | undefined {
    return this.byId.get(id)?.body;
  }
}
