import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger };

export interface LoggerOptions {
  /** pino level name; "silent" turns logging off (tests that do not look at logs). */
  level?: string;
  /** Where lines go; default stdout. Tests pass a stream to read the lines back. */
  destination?: DestinationStream;
  /** Fields on every line, e.g. the cluster worker id. */
  base?: Record<string, unknown>;
}

/**
 * Secrets never reach a log line on purpose: request logs carry no headers or variables. These
 * paths are the second line of defence, for a careless `logger.info({ headers })` later.
 */
const REDACTED = [
  "authorization",
  "cookie",
  "password",
  "token",
  "accessToken",
  "refreshToken",
  "variables",
  "*.authorization",
  "*.cookie",
  "*.password",
  "*.token",
  "*.accessToken",
  "*.refreshToken",
  "*.variables",
  "headers.authorization",
  "headers.cookie",
  'headers["x-bazaar-service-token"]',
];

/**
 * Standard output, written in chunks of about 4 KiB instead of one write per line (a request logs a
 * line, and a write per line costs each request a round trip through libuv's thread pool), without
 * blocking the event loop; what is buffered goes out at least every second and when the process exits.
 */
const bufferedStdout = () => pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 1000 });

/** One JSON object per line: `level` as a word, ISO `time`, `service: "router"`. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? "info";
  return pino(
    {
      level,
      base: { service: "router", ...options.base },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED, censor: "[redacted]" },
    },
    options.destination ?? (level === "silent" ? undefined : bufferedStdout()),
  );
}
