import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorHandle, startEmulator } from "../../src/emulator/index.js";
import { verifyInteractionSignature } from "../../src/interactions/verify.js";

describe("verifyInteractionSignature with the emulator's application key", () => {
  let emu: EmulatorHandle;
  beforeAll(async () => {
    emu = await startEmulator({ seed: "interactions" });
  });
  afterAll(() => emu.close());

  it("accepts what the application's key signed and refuses a changed body", async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const body = JSON.stringify({ type: 1, application_id: emu.application.id });
    const signature = emu.application.signInteraction(timestamp, body);
    const publicKey = emu.application.publicKey;
    await expect(verifyInteractionSignature({ publicKey, signature, timestamp, body })).resolves.toBe(true);
    await expect(
      verifyInteractionSignature({ publicKey, signature, timestamp, body: `${body}\n` }),
    ).resolves.toBe(false);
  });
});
