import { Readable } from "node:stream";
import type { IncomingMessage } from "node:http";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readBody, UnsupportedEncodingError } from "./body";

function request(body: Buffer, headers: Record<string, string> = {}): IncomingMessage {
  return Object.assign(Readable.from([body]), { headers }) as unknown as IncomingMessage;
}

describe("readBody", () => {
  it("returns the body when it fits", async () => {
    expect((await readBody(request(Buffer.from("hello")), 10)).toString()).toBe("hello");
  });

  it("refuses a body over the limit", async () => {
    await expect(readBody(request(Buffer.alloc(11)), 10)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("measures the limit after decompression, so a small gzip bomb is refused", async () => {
    const bomb = gzipSync(Buffer.alloc(1_000_000));
    expect(bomb.length).toBeLessThan(10_000);
    await expect(readBody(request(bomb, { "content-encoding": "gzip" }), 100_000)).rejects.toBeInstanceOf(
      BodyTooLargeError,
    );
  });

  it("decompresses gzip bodies within the limit", async () => {
    const body = await readBody(request(gzipSync(Buffer.from('{"query":"{a}"}')), { "content-encoding": "gzip" }), 100);
    expect(body.toString()).toBe('{"query":"{a}"}');
  });

  it("refuses unknown content encodings", async () => {
    await expect(readBody(request(Buffer.from("x"), { "content-encoding": "zstd" }), 100)).rejects.toBeInstanceOf(
      UnsupportedEncodingError,
    );
  });
});
