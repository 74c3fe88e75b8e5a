import { createServer } from "node:net";

/** Whether something already listens on host:port (probed by binding it for a moment). */
function isTaken(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE" || error.code === "EACCES") resolve(true);
      else reject(error);
    });
    probe.listen(port, host, () => probe.close(() => resolve(false)));
  });
}

/** The services whose port is taken, checked before any slow start-up work so the user learns at once. */
export async function takenPorts(host: string, ports: Record<string, number>): Promise<[string, number][]> {
  const checks = await Promise.all(
    Object.entries(ports).map(async ([service, port]) => [service, port, await isTaken(host, port)] as const),
  );
  return checks.filter(([, , taken]) => taken).map(([service, port]) => [service, port]);
}
