/** A service could not bind its port, usually because another process holds it. */
export class PortInUseError extends Error {
  constructor(
    readonly service: string,
    readonly host: string,
    readonly port: number,
    options?: { cause?: unknown },
  ) {
    super(`${service} cannot listen on ${host}:${port}: the port is already in use`, options);
    this.name = "PortInUseError";
  }
}

/** Runs `listen`, turning EADDRINUSE into a PortInUseError that names the service. */
export async function listenAs<T>(service: string, host: string, port: number, listen: () => Promise<T>): Promise<T> {
  try {
    return await listen();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new PortInUseError(service, host, port, { cause: error });
    }
    throw error;
  }
}
