import { it } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
import { buildAuthorizationUrl } from "../../src/oauth2/authorization-url.js";
it("dbg", async () => {
  const emu = await startEmulator({ seed: "x" });
  const url = buildAuthorizationUrl({ authorizeUrl: emu.authorizeUrl, clientId: emu.application.id, scopes: ["identify"], redirectUri: "http://127.0.0.1:5173/callback", state: "abc" });
  console.log(url.href);
  const html = await (await fetch(url)).text();
  console.log(html.slice(0, 3000));
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  console.log(action);
  const r = await fetch(new URL(action!.replaceAll("&amp;", "&"), url), { method: "POST", body: new URLSearchParams({ action: "authorize" }), redirect: "manual" });
  console.log(r.status, await r.text());
  await emu.close();
});
