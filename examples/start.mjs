// `npm start`: the "Login with Discord" demo. By default it also starts the local Discord emulator, so it
// works offline with no Discord account; set DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET and
// DISCORD_REDIRECT_URI to use the real Discord instead.
//
//   PORT            port of the demo app when using the emulator (default 3000; 0 picks a free one)
//   EMULATOR_SEED   seed of the emulator's generated data (default: the emulator's own)
//   EMULATOR_GUILDS how many guilds the demo user is in (default 9)

import { createServer } from "node:http";
import { startEmulator } from "discord-appkit/emulator";
import { createLoginApp } from "./login-with-discord/app.mjs";

const HOST = "127.0.0.1";
const env = process.env;

/** A whole number from the environment, or `fallback` when the variable is unset. */
function numberFromEnv(name, fallback) {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, not "${value}"`);
  return Number(value);
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address().port);
    });
  });
}

async function main() {
  const server = createServer();
  const closers = [() => new Promise((resolve) => server.close(resolve))];
  let app;
  let banner;
  // Open the app at its redirect URI's origin: its cookies are set there, and only there does the
  // callback find them (http://localhost:3000 and http://127.0.0.1:3000 are different sites).
  let origin;

  if (env.DISCORD_CLIENT_ID) {
    if (!env.DISCORD_REDIRECT_URI)
      throw new Error("Set DISCORD_REDIRECT_URI too (for example http://127.0.0.1:3000/callback)");
    const redirect = URL.parse(env.DISCORD_REDIRECT_URI);
    if (!redirect) throw new Error("DISCORD_REDIRECT_URI must be an absolute URL");
    if (redirect.pathname !== "/callback") throw new Error("DISCORD_REDIRECT_URI must end in /callback");
    origin = redirect.origin;
    const port = await listen(
      server,
      Number(redirect.port || (redirect.protocol === "https:" ? 443 : 80)),
      HOST,
    );
    app = await createLoginApp({
      mode: "discord",
      clientId: env.DISCORD_CLIENT_ID,
      clientSecret: env.DISCORD_CLIENT_SECRET,
      redirectUri: redirect.href,
    });
    banner = `Login with Discord demo (real Discord, client ${env.DISCORD_CLIENT_ID}) on ${HOST}:${port}`;
  } else {
    // Without an explicit PORT, fall back to any free port when 3000 is taken.
    const port = await listen(server, numberFromEnv("PORT", 3000), HOST).catch((error) => {
      if (error.code !== "EADDRINUSE" || env.PORT !== undefined) throw error;
      return listen(server, 0, HOST);
    });
    origin = `http://${HOST}:${port}`;
    const redirectUri = `${origin}/callback`;
    const emulator = await startEmulator({
      port: 0,
      ...(env.EMULATOR_SEED ? { seed: env.EMULATOR_SEED } : {}),
      redirectUris: [redirectUri],
      guildCount: numberFromEnv("EMULATOR_GUILDS", 9),
    });
    closers.push(() => emulator.close());
    app = await createLoginApp({
      mode: "emulator",
      clientId: emulator.application.id,
      clientSecret: emulator.application.clientSecret,
      redirectUri,
      apiUrl: emulator.apiUrl,
      authorizeUrl: emulator.authorizeUrl,
    });
    banner = `Login with Discord demo on http://${HOST}:${port}  (Discord emulator at ${emulator.url})`;
  }
  server.on("request", app);

  console.log(banner);
  console.log(`Open ${origin}/ in your browser. Press Ctrl-C to stop.`);

  const stop = async () => {
    server.closeAllConnections();
    await Promise.all(closers.map((close) => close()));
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error) => {
  console.error(`demo: ${error.message}`);
  process.exit(1);
});
