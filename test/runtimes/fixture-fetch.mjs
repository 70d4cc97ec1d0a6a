import { APPLICATION, CLIENT, GUILDS, TOKEN } from "./fixtures.mjs";

function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

const UNAUTHORIZED = { message: "401: Unauthorized", code: 0 };

function basicCredentials(header) {
  if (!header?.startsWith("Basic ")) return null;
  const [id, ...secret] = atob(header.slice(6)).split(":");
  return { id: decodeURIComponent(id ?? ""), secret: decodeURIComponent(secret.join(":")) };
}

function exchangeCode(form, headers) {
  const basic = basicCredentials(headers.get("authorization"));
  const id = basic?.id ?? form.get("client_id");
  const secret = basic?.secret ?? form.get("client_secret");
  if (id !== CLIENT.id || secret !== CLIENT.secret) {
    return json(401, { error: "invalid_client" });
  }
  if (
    form.get("grant_type") !== "authorization_code" ||
    form.get("code") !== CLIENT.code ||
    form.get("redirect_uri") !== CLIENT.redirectUri
  ) {
    return json(400, { error: "invalid_grant", error_description: 'Invalid "code" in request.' });
  }
  return json(200, TOKEN);
}

function guildPage(url, headers) {
  if (headers.get("authorization") !== `Bearer ${TOKEN.access_token}`) return json(401, UNAUTHORIZED);
  // Pages hold at most two guilds here (Discord's cap is 200), so paging is exercised with five guilds.
  const limit = Math.min(Number(url.searchParams.get("limit") ?? "200"), 2);
  const after = url.searchParams.get("after");
  const before = url.searchParams.get("before");
  let page = GUILDS;
  if (before !== null) {
    page = page.filter((g) => BigInt(g.id) < BigInt(before)).slice(-limit);
  } else {
    const cursor = BigInt(after ?? "0");
    page = page.filter((g) => BigInt(g.id) > cursor).slice(0, limit);
  }
  return json(200, page, {
    "x-ratelimit-bucket": "fixture-guilds",
    "x-ratelimit-limit": "5",
    "x-ratelimit-remaining": "4",
    "x-ratelimit-reset-after": "1",
  });
}

/**
 * A `fetch` that answers like Discord's API from the fixtures, with no network. It records every request
 * (method, path with query, headers, body) in `requests` so the suite can check what the client sent.
 */
export function createFixtureFetch() {
  const requests = [];
  async function fixtureFetch(input, init) {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.method === "GET" ? "" : await request.text();
    // Browsers drop a User-Agent from a Request's headers; a plain Headers object keeps what was sent.
    const headers = init?.headers === undefined ? request.headers : new Headers(init.headers);
    requests.push({ method: request.method, url: url.href, headers, body });
    const path = url.pathname.replace(/^\/api(\/v\d+)?/, "");
    const authorization = request.headers.get("authorization");
    if (request.method === "GET" && (path === "/applications/@me" || path === "/oauth2/applications/@me")) {
      if (authorization !== `Bot ${CLIENT.botToken}`) return json(401, UNAUTHORIZED);
      return json(200, APPLICATION);
    }
    if (request.method === "POST" && path === "/oauth2/token") {
      return exchangeCode(new URLSearchParams(body), request.headers);
    }
    if (request.method === "GET" && path === "/users/@me/guilds") return guildPage(url, request.headers);
    return json(404, { message: "404: Not Found", code: 0 });
  }
  return { fetch: fixtureFetch, requests };
}
