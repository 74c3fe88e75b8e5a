import { execFile, execFileSync, spawnSync } from "node:child_process";
import {
  accessSync,
  appendFileSync,
  chownSync,
  constants,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "./free-port";

const execFileAsync = promisify(execFile);

const INSTALL_HINT =
  "install the PostgreSQL server: apt-get install postgresql (Debian/Ubuntu), " +
  "dnf install postgresql-server (Fedora/RHEL), brew install postgresql (macOS), " +
  "or set PG_BIN to the directory holding initdb and pg_ctl";

export interface LocateOptions {
  /** Environment to read PG_BIN and PATH from; injectable so tests need no real cluster. */
  env?: NodeJS.ProcessEnv;
  /** Where distro packages install versioned servers (`<root>/<version>/bin`). */
  installRoot?: string;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A usable bin dir has the three programs this module runs. */
function hasServerTools(dir: string): boolean {
  return ["initdb", "pg_ctl", "postgres"].every((name) => isExecutable(join(dir, name)));
}

/**
 * Finds the PostgreSQL server binaries: PG_BIN, else the highest `/usr/lib/postgresql/<v>/bin`,
 * else `pg_config --bindir`, else an `initdb` on PATH. Throws (never skips) when none is found.
 */
export function findPostgresBin(options: LocateOptions = {}): string {
  const env = options.env ?? process.env;
  const installRoot = options.installRoot ?? "/usr/lib/postgresql";

  // An explicit PG_BIN is a promise by the user: a bad one is an error, not a reason to guess.
  if (env.PG_BIN) {
    if (hasServerTools(env.PG_BIN)) return env.PG_BIN;
    throw new Error(`PG_BIN=${env.PG_BIN} does not contain initdb, pg_ctl and postgres; ${INSTALL_HINT}`);
  }

  let versions: string[] = [];
  try {
    versions = readdirSync(installRoot);
  } catch {
    // No distro install root; try the other sources.
  }
  const highest = versions
    .map((name) => ({ name, major: Number.parseFloat(name) }))
    .filter((v) => !Number.isNaN(v.major) && hasServerTools(join(installRoot, v.name, "bin")))
    .sort((a, b) => b.major - a.major)[0];
  if (highest) return join(installRoot, highest.name, "bin");

  const pathDirs = (env.PATH ?? "").split(delimiter).filter(Boolean);
  const onPath = (name: string) => pathDirs.map((d) => join(d, name)).find(isExecutable);

  const pgConfig = onPath("pg_config");
  if (pgConfig) {
    try {
      const bindir = execFileSync(pgConfig, ["--bindir"], { encoding: "utf8" }).trim();
      if (hasServerTools(bindir)) return bindir;
    } catch {
      // pg_config from a client-only package may point at a dir without a server; keep looking.
    }
  }

  // Debian links only some tools into /usr/bin, so follow the link to the real bin dir.
  const initdb = onPath("initdb");
  if (initdb) {
    const dir = dirname(realpathSync(initdb));
    if (hasServerTools(dir)) return dir;
  }

  throw new Error(`No PostgreSQL server binaries (initdb, pg_ctl, postgres) found; ${INSTALL_HINT}`);
}

export interface PostgresCluster {
  /** Superuser URL, e.g. postgres://postgres@127.0.0.1:54321/postgres (trust auth, no password). */
  url: string;
  stop(): Promise<void>;
}

/** Settings for a disposable cluster: durability off, room for many parallel test pools. */
const TEST_SETTINGS = [
  "listen_addresses = '127.0.0.1'",
  "max_connections = 400",
  "fsync = off",
  "synchronous_commit = off",
  "full_page_writes = off",
  // Tiny test data gains nothing from parallel workers, and they need /dev/shm, which
  // containers often cap at 64 MB.
  "max_parallel_workers_per_gather = 0",
];

/** initdb refuses to run as root, so as root every server tool runs as the `postgres` user. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      "Running as root, and PostgreSQL will not run as root, but there is no `postgres` user: " +
        `${INSTALL_HINT} (the package creates the user), or run the tests as a normal user`,
    );
  }
}

function command(asPostgres: boolean, bin: string, args: string[]): [string, string[]] {
  return asPostgres ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
}

function logTail(logFile: string, lines = 30): string {
  try {
    return readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

/** Starts a throwaway PostgreSQL cluster in a fresh temp dir on a free port. */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  const user = postgresUser();
  const dir = mkdtempSync(join(tmpdir(), "bazaar-pg-"));
  if (user) chownSync(dir, user.uid, user.gid);
  const dataDir = join(dir, "data");
  const logFile = join(dir, "server.log");
  // cwd = dir: the postgres user may not be allowed into the caller's working directory.
  const run = (tool: string, args: string[]) => {
    const [file, argv] = command(user !== undefined, join(bin, tool), args);
    return execFileAsync(file, argv, { cwd: dir, encoding: "utf8" });
  };

  const stopSync = () => {
    const [file, argv] = command(user !== undefined, join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "stop"]);
    spawnSync(file, argv, { cwd: dir, stdio: "ignore" });
    rmSync(dir, { recursive: true, force: true });
  };
  // An aborted run (process.exit, uncaught error) must not leave a server holding a port.
  process.on("exit", stopSync);

  try {
    // --locale=C: deterministic collation and no dependence on which locales the machine has.
    await run("initdb", [
      "-D",
      dataDir,
      "--auth=trust",
      "-U",
      "postgres",
      "--encoding=UTF8",
      "--locale=C",
      "--no-sync",
    ]);
    // Settings go in the config file rather than `pg_ctl -o` to avoid shell quoting of paths.
    appendFileSync(
      join(dataDir, "postgresql.conf"),
      `\n# bazaar test cluster\n${[...TEST_SETTINGS, `unix_socket_directories = '${dir}'`].join("\n")}\n`,
    );
    const port = await startOnFreePort(run, dataDir, logFile);
    let stopped = false;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.off("exit", stopSync);
        try {
          await run("pg_ctl", ["-D", dataDir, "-w", "-m", "fast", "stop"]);
        } catch {
          await run("pg_ctl", ["-D", dataDir, "-w", "-m", "immediate", "stop"]).catch(() => {});
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    process.off("exit", stopSync);
    const stderr = (error as { stderr?: string }).stderr?.trim();
    const base = error instanceof Error ? error.message : String(error);
    // execFile's message already embeds stderr; other errors (e.g. spawn ENOENT) do not.
    const message = stderr && !base.includes(stderr) ? `${base}\n${stderr}` : base;
    const tail = logTail(logFile);
    stopSync();
    throw new Error(`Starting the test PostgreSQL cluster failed: ${message}\n--- server log (tail) ---\n${tail}`);
  }
}

type Run = (tool: string, args: string[]) => Promise<unknown>;

/** The free port can be taken between probing and binding; retry a few times if so. */
async function startOnFreePort(run: Run, dataDir: string, logFile: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      await run("pg_ctl", ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", `-p ${port}`, "start"]);
      return port;
    } catch (error) {
      if (attempt >= 3 || !/could not bind|address already in use/i.test(logTail(logFile))) throw error;
    }
  }
}
