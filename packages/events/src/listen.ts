import type { Connection } from "@bazaar/drizzle";

/** Producers notify this channel (payload: their schema) when they commit outbox rows. */
export const OUTBOX_CHANNEL = "bazaar_events";
/** The Postgres bus notifies this channel when it appends to its log. */
export const BUS_CHANNEL = "bazaar_bus";

export type Unlisten = () => Promise<void>;

/**
 * LISTEN on either driver. postgres.js keeps a dedicated connection for it and re-issues LISTEN
 * after reconnecting; `onListening` runs each time it (re)starts listening, because notifications
 * sent while the connection was down are lost and the caller has to catch up. PGlite is one
 * in-process connection that never drops, so `onListening` runs once.
 */
export async function listen(
  connection: Connection,
  channel: string,
  onNotify: (payload: string) => void,
  onListening: () => void = () => {},
): Promise<Unlisten> {
  if (connection.kind === "postgres") {
    const request = await connection.client.listen(channel, onNotify, onListening);
    return () => request.unlisten().catch(() => {});
  }
  const unlisten = await connection.client.listen(channel, onNotify);
  onListening();
  return async () => {
    // A closed PGlite has nothing left to unlisten.
    if (!connection.client.closed) await unlisten();
  };
}
