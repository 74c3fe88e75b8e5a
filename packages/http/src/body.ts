import type { IncomingMessage } from "node:http";
import { createGunzip, createInflate, createBrotliDecompress } from "node:zlib";
import type { Readable } from "node:stream";

export class BodyTooLargeError extends Error {
  readonly code = "PAYLOAD_TOO_LARGE";
  constructor(readonly limitBytes: number) {
    super(`Request body exceeds ${limitBytes} bytes`);
  }
}

export class UnsupportedEncodingError extends Error {
  readonly code = "UNSUPPORTED_CONTENT_ENCODING";
}

function decoded(req: IncomingMessage): Readable {
  const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase();
  switch (encoding) {
    case "identity":
      return req;
    case "gzip":
      return req.pipe(createGunzip());
    case "deflate":
      return req.pipe(createInflate());
    case "br":
      return req.pipe(createBrotliDecompress());
    default:
      throw new UnsupportedEncodingError(`Unsupported content-encoding: ${encoding}`);
  }
}

/**
 * Reads the whole body as a Buffer, counting bytes after decompression so a
 * small compressed bomb cannot expand past the limit.
 */
export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limitBytes && !req.headers["content-encoding"]) throw new BodyTooLargeError(limitBytes);
  const stream = decoded(req);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) {
      stream.destroy();
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
