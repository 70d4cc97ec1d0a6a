// A minimal Discord-like API for the REST benchmark, run in a worker thread so that serving does not
// compete with the client under test for the main event loop. Binds 127.0.0.1 on port 0 and closes when
// the parent says so.
import { createServer } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

const body = Buffer.from(JSON.stringify(workerData.user));
const headers = {
  "content-type": "application/json",
  "content-length": String(body.length),
  "x-ratelimit-limit": "1000000",
  "x-ratelimit-remaining": "999999",
  "x-ratelimit-reset-after": "60",
  "x-ratelimit-bucket": "bench-users-me",
};

let served = 0;
const server = createServer((req, res) => {
  served++;
  headers["x-ratelimit-reset"] = String(Date.now() / 1000 + 60);
  if (
    req.method !== "GET" ||
    !req.url.endsWith("/users/@me") ||
    req.headers.authorization !== workerData.authorization
  ) {
    res.writeHead(404, { "content-type": "application/json" });
    res.end('{"message":"404: Not Found","code":0}');
    return;
  }
  res.writeHead(200, headers);
  res.end(body);
});
server.keepAliveTimeout = 60_000;

server.listen(0, "127.0.0.1", () => {
  parentPort.postMessage({ port: server.address().port });
});

parentPort.on("message", (message) => {
  if (message === "close") {
    server.closeAllConnections();
    server.close(() => parentPort.postMessage({ closed: true, served }));
  }
});
