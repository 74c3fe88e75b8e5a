import { randomBytes } from "node:crypto";

/** JSON that survives a round trip through jsonb, Redis or NATS unchanged. */
export type EventPayload = Record<string, unknown>;

/** What every bus adapter carries; the same shape whichever process or adapter delivers it. */
export interface EventEnvelope<P = EventPayload> {
  /** Unique per event (a UUIDv7 unless the producer chose its own); consumers dedupe on it. */
  id: string;
  /** Dotted name, past tense: "order.paid", "seller.approved". */
  type: string;
  aggregateType: string;
  aggregateId: string;
  /** The aggregate's own event number, when it keeps one (orders do); null otherwise. */
  sequence: number | null;
  payload: P;
  /** ISO 8601 instant of the state change. */
  occurredAt: string;
  /** The producing subgraph: the Postgres schema of the outbox the event came from. */
  producer: string;
}

let lastMs = 0;
let counter = 0;

/**
 * A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, a 12-bit counter, then random bits. Ids sort by
 * time and, within this process, strictly by creation (the counter orders ids of one millisecond,
 * e.g. the events of one transaction), and stay unique across processes without coordination.
 */
export function newEventId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  if (now > lastMs) {
    lastMs = now;
    // A random start leaves room for thousands of ids in the same millisecond.
    counter = bytes.readUInt16BE(6) & 0x3ff;
  } else if (++counter > 0xfff) {
    lastMs += 1;
    counter = 0;
  }
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A subscription's filter: an exact type, a glob with `*` ("order.*", "*"), or several of them. */
export type TypePattern = string | readonly string[];

/** Compiles a pattern once; `*` matches any run of characters, everything else literally. */
export function typeMatcher(pattern: TypePattern): (type: string) => boolean {
  const patterns = typeof pattern === "string" ? [pattern] : pattern;
  const expressions = patterns.map((p) => new RegExp(`^${p.split("*").map(escapeRegExp).join(".*")}$`));
  return (type) => expressions.some((expression) => expression.test(type));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
