import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createNodeFetch, NodeResponseHeaders } from "../../src/node/index.js";

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
  readonly socket: Socket;
}

type Route = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void;

let server: Server;
let origin: string;
let route: Route = (_req, res) => res.end("ok");
const seen: Seen[] = [];
const sockets = new Set<Socket>();
let connections = 0;
const fetches: { close(): void }[] = [];

function nodeFetch(...args: Parameters<typeof createNodeFetch>): ReturnType<typeof createNodeFetch> {
  const made = createNodeFetch(...args);
  fetches.push(made);
  return made;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const entry: Seen = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        socket: req.socket,
      };
      seen.push(entry);
      route(req, res, entry);
    });
  });
  server.on("connection", (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  for (const made of fetches.splice(0)) made.close();
  for (const socket of sockets) socket.destroy();
  seen.length = 0;
  connections = 0;
  route = (_req, res) => res.end("ok");
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, "close");
});

describe("createNodeFetch: requests and responses", () => {
  it("sends method, path, query and headers, and reads status, headers and body", async () => {
    route = (_req, res) => {
      res.statusCode = 201;
      res.setHeader("Content-Type", "application/json");
      res.setHeader("X-Custom", "Value");
      res.setHeader("Set-Cookie", ["a=1", "b=2"]);
      res.end('{"hello":"wörld"}');
    };
    const response = await nodeFetch()(`${origin}/api/v10/users/@me?with=1&x=%20`, {
      method: "GET",
      headers: { Authorization: "Bot secret", "User-Agent": "tests/1.0" },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("X-CUSTOM")).toBe("Value");
    expect(response.headers.get("set-cookie")).toBe("a=1, b=2");
    expect(response.headers.get("x-missing")).toBeNull();
    expect(response.headers.has("X-Custom")).toBe(true);
    expect(response.headers).toBeInstanceOf(NodeResponseHeaders);
    const names: string[] = [];
    response.headers.forEach((value, name) => {
      names.push(`${name}=${value}`);
    });
    expect(names).toContain("x-custom=Value");
    expect(names).toContain("set-cookie=a=1, b=2");
    expect(await response.text()).toBe('{"hello":"wörld"}');

    const [request] = seen;
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe("/api/v10/users/@me?with=1&x=%20");
    expect(request?.headers.authorization).toBe("Bot secret");
    expect(request?.headers["user-agent"]).toBe("tests/1.0");
    expect(request?.headers.host).toBe(new URL(origin).host);
    expect(request?.headers["accept-encoding"]).toBeUndefined();
    expect(request?.headers.connection).toBe("keep-alive");
  });

  it("joins repeated response headers with a comma, as fetch does", async () => {
    route = (_req, res) => {
      res.setHeader("X-Multi", ["one", "two"]);
      res.end();
    };
    const response = await nodeFetch()(`${origin}/multi`, {});
    expect(response.headers.get("x-multi")).toBe("one, two");
    const viaFetch = await fetch(`${origin}/multi`);
    expect(viaFetch.headers.get("x-multi")).toBe(response.headers.get("x-multi"));
  });

  it("normalises a URL that needs it, as fetch does", async () => {
    const send = nodeFetch();
    expect((await send(`${origin}/a b/../c?q=é#fragment`, {})).status).toBe(200);
    await send(`${origin}/x/./y/../z?{q}`, {});
    await send(`${origin}`, {});
    expect(seen.map((s) => s.url)).toEqual(["/c?q=%C3%A9", "/x/z?{q}", "/"]);
  });

  it("decodes a body that arrives in many chunks, a character split across two of them", async () => {
    const bytes = Buffer.from("début ✓ fin", "utf8");
    const split = bytes.indexOf(Buffer.from("✓")) + 1;
    route = async (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      res.write(bytes.subarray(0, split));
      await new Promise((resolve) => setTimeout(resolve, 20));
      res.write(bytes.subarray(split, split + 2));
      await new Promise((resolve) => setTimeout(resolve, 20));
      res.end(bytes.subarray(split + 2));
    };
    const response = await nodeFetch()(`${origin}/chunks`, {});
    expect(response.headers.get("transfer-encoding")).toBe("chunked");
    expect(await response.text()).toBe("début ✓ fin");
  });

  it("reads empty bodies, 204 and 200 alike, and refuses to read a body twice", async () => {
    const send = nodeFetch();
    route = (_req, res) => {
      res.statusCode = 204;
      res.end();
    };
    const noContent = await send(`${origin}/empty`, { method: "DELETE" });
    expect(noContent.status).toBe(204);
    expect(await noContent.text()).toBe("");
    route = (_req, res) => res.end();
    const empty = await send(`${origin}/empty`, {});
    expect(await empty.text()).toBe("");
    await expect(empty.text()).rejects.toThrow(TypeError);
  });

  it("returns a redirect as it is instead of following it", async () => {
    route = (_req, res) => {
      res.writeHead(302, { location: "/elsewhere" });
      res.end("moved");
    };
    const response = await nodeFetch()(`${origin}/old`, {});
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/elsewhere");
    expect(seen.map((s) => s.url)).toEqual(["/old"]);
  });

  it("sends a string body with its content type and its length in bytes", async () => {
    route = (_req, res, request) => res.end(`got ${request.body.length} characters`);
    const body = JSON.stringify({ name: "café ✓" });
    const response = await nodeFetch()(`${origin}/post`, {
      method: "post",
      headers: [["Content-Type", "application/json"]],
      body,
    });
    expect(await response.text()).toBe(`got ${body.length} characters`);
    const [request] = seen;
    expect(request?.method).toBe("POST");
    expect(request?.body).toBe(body);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
  });

  it("sends URLSearchParams and byte bodies, and a Headers object", async () => {
    const send = nodeFetch();
    await send(`${origin}/form`, {
      method: "POST",
      headers: new Headers({ "content-type": "application/x-www-form-urlencoded" }),
      body: new URLSearchParams({ a: "1 2", b: "é" }),
    });
    await send(`${origin}/bytes`, { method: "PUT", body: new TextEncoder().encode("raw ✓") });
    expect(seen.map((s) => [s.method, s.body, s.headers["content-type"]])).toEqual([
      ["POST", "a=1+2&b=%C3%A9", "application/x-www-form-urlencoded"],
      ["PUT", "raw ✓", undefined],
    ]);
  });

  it("rejects what it cannot send with a TypeError, before any request", async () => {
    const send = nodeFetch();
    await expect(send("ftp://127.0.0.1/x", {})).rejects.toThrow(/Unsupported protocol/);
    await expect(send("not a url", {})).rejects.toThrow(TypeError);
    await expect(send(`${origin}/x`, { method: "POST", body: new Blob(["x"]) })).rejects.toThrow(TypeError);
    await expect(send(`${origin}/x`, { headers: { "x-bad": "line\r\nbreak" } })).rejects.toThrow();
    expect(() => createNodeFetch({ maxSockets: 0 })).toThrow(RangeError);
    expect(seen).toHaveLength(0);
  });
});

describe("createNodeFetch: aborts and failures", () => {
  it("rejects with the signal's reason when aborted before sending, and sends nothing", async () => {
    const reason = new Error("stop before");
    const controller = new AbortController();
    controller.abort(reason);
    await expect(nodeFetch()(`${origin}/never`, { signal: controller.signal })).rejects.toBe(reason);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(connections).toBe(0);
  });

  it("rejects with the signal's reason when aborted in flight, and drops the connection", async () => {
    route = () => {};
    const controller = new AbortController();
    const pending = nodeFetch()(`${origin}/hang`, { signal: controller.signal });
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const socket = seen[0]?.socket;
    const closed = socket ? once(socket, "close") : Promise.reject(new Error("no socket"));
    const reason = new DOMException("stop now", "AbortError");
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await closed;
  });

  it("rejects with the signal's reason when aborted while the body is arriving", async () => {
    route = (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("part of it");
    };
    const controller = new AbortController();
    const pending = nodeFetch()(`${origin}/slow-body`, { signal: controller.signal });
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.abort("gave up");
    await expect(pending).rejects.toBe("gave up");
  });

  it("rejects a refused connection with a TypeError that carries Node's error", async () => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1");
    await once(probe, "listening");
    const { port } = probe.address() as AddressInfo;
    probe.close();
    await once(probe, "close");
    const error: unknown = await nodeFetch()(`http://127.0.0.1:${port}/x`, {
      headers: { authorization: "Bot do-not-leak" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toMatch(/ECONNREFUSED/);
    expect((error as TypeError).cause).toMatchObject({ code: "ECONNREFUSED" });
    expect(String((error as TypeError).message)).not.toContain("do-not-leak");
  });

  it("rejects when the server drops the connection halfway through the body", async () => {
    route = (_req, res, request) => {
      res.writeHead(200, { "content-length": "100" });
      res.write("only a little", () => request.socket.destroy());
    };
    await expect(nodeFetch()(`${origin}/cut`, {})).rejects.toThrow(TypeError);
  });

  it("retries an idempotent request once when a reused socket turns out closed, never a POST", async () => {
    route = (_req, res, request) => {
      if (seen.filter((s) => s.socket === request.socket).length > 1) request.socket.destroy();
      else res.end("fresh");
    };
    const send = nodeFetch({ maxSockets: 1 });
    await send(`${origin}/a`, {});
    const retried = await send(`${origin}/b`, {});
    expect(await retried.text()).toBe("fresh");
    expect(connections).toBe(2);
    await expect(send(`${origin}/c`, { method: "POST", body: "x" })).rejects.toThrow(TypeError);
  });
});

describe("createNodeFetch: connections", () => {
  it("reuses one keep-alive socket for sequential requests", async () => {
    const send = nodeFetch();
    for (let i = 0; i < 5; i++) expect(await (await send(`${origin}/seq/${i}`, {})).text()).toBe("ok");
    expect(seen).toHaveLength(5);
    expect(connections).toBe(1);
    expect(new Set(seen.map((s) => s.socket)).size).toBe(1);
  });

  it("opens at most maxSockets connections and queues the rest", async () => {
    route = (_req, res) => {
      setTimeout(() => res.end("slow"), 20);
    };
    const send = nodeFetch({ maxSockets: 2 });
    const bodies = await Promise.all(
      Array.from({ length: 6 }, (_, i) => send(`${origin}/slow/${i}`, {}).then((r) => r.text())),
    );
    expect(bodies).toEqual(Array(6).fill("slow"));
    expect(connections).toBe(2);
  });

  it("close() drops idle sockets; the next request opens a new one", async () => {
    const send = nodeFetch();
    await send(`${origin}/one`, {});
    send.close();
    await send(`${origin}/two`, {});
    expect(connections).toBe(2);
  });
});
