import { describe, expect, it } from "vitest";
import { deserializeOwnConnection, serializeOwnConnection } from "../../src/factory/connections.js";
import { deserializePartialIntegration } from "../../src/factory/guilds.js";
import { ConnectionVisibility, OwnConnection } from "../../src/models/connections.js";
import {
  deserializationError,
  expectModelledKeys,
  expectOnlyDeserializationErrors,
  fixture,
  nulled,
  without,
} from "./helpers.js";

/** hikari's connection payload (§6.2 item 1) plus `two_way_link`, which Discord requires. */
const CONNECTION = {
  friend_sync: false,
  id: "2513849648abc",
  integrations: [
    {
      id: "123123123123123",
      name: "A Name",
      type: "twitch",
      account: { name: "twitchUsername", id: "123123" },
      guild: { id: "107939014299901952", name: "Twitch Partners", icon: null },
    },
  ],
  name: "FS",
  revoked: false,
  show_activity: true,
  two_way_link: true,
  type: "twitter",
  verified: true,
  visibility: 0,
};

describe("deserializeOwnConnection", () => {
  it("reads hikari's payload and every key of ConnectedAccountResponse", () => {
    const connection = deserializeOwnConnection(CONNECTION, null);
    expect(connection).toBeInstanceOf(OwnConnection);
    expect(connection.id).toBe("2513849648abc");
    expect(connection.name).toBe("FS");
    expect(connection.type).toBe("twitter");
    expect(connection.isRevoked).toBe(false);
    expect(connection.integrations).toHaveLength(1);
    expect(
      connection.integrations[0]?.equals(deserializePartialIntegration(CONNECTION.integrations[0], null)),
    ).toBe(true);
    expect(connection.isVerified).toBe(true);
    expect(connection.isFriendSyncEnabled).toBe(false);
    expect(connection.isActivityVisible).toBe(true);
    expect(connection.isTwoWayLinked).toBe(true);
    expect(connection.visibility).toBe(ConnectionVisibility.NONE);
    expectModelledKeys(serializeOwnConnection(connection), CONNECTION);
    expect(connection.toJSON()).toEqual(serializeOwnConnection(connection));
  });

  it("reads optional keys left out or null: no integrations, not revoked, no name", () => {
    for (const payload of [
      without(CONNECTION, "integrations", "revoked", "name"),
      nulled(CONNECTION, "integrations", "revoked", "name"),
    ]) {
      const connection = deserializeOwnConnection(payload, null);
      expect(connection.integrations).toEqual([]);
      expect(connection.isRevoked).toBe(false);
      expect(connection.name).toBeNull();
    }
  });

  it("keeps a non-numeric ID, an unknown service and an unknown visibility", () => {
    const payload = fixture("connection-userdoccers.json");
    const connection = deserializeOwnConnection(payload, null);
    expect(connection.id).toBe("run&hide");
    expect(connection.type).toBe("reddit");
    expect(connection.visibility).toBe(ConnectionVisibility.EVERYONE);
    expectModelledKeys(serializeOwnConnection(connection), payload, ["$.metadata", "$.metadata_visibility"]);
    expect(
      deserializeOwnConnection({ ...CONNECTION, type: "new-service", visibility: 7 }, null).visibility,
    ).toBe(7);
  });

  it("reads the community docs' integration sample inside a connection", () => {
    const integration = fixture("connection-integration-userdoccers.json");
    const connection = deserializeOwnConnection({ ...CONNECTION, integrations: [integration] }, null);
    expect(connection.integrations[0]?.id).toBe("twitch-partners");
  });

  it("compares by ID and prints like hikari", () => {
    const connection = deserializeOwnConnection(CONNECTION, null);
    expect(connection.equals(deserializeOwnConnection({ ...CONNECTION, name: "other" }, null))).toBe(true);
    expect(connection.equals(deserializeOwnConnection({ ...CONNECTION, id: "x" }, null))).toBe(false);
    expect(connection.equals("2513849648abc")).toBe(false);
    expect(String(connection)).toBe(
      "OwnConnection(id=2513849648abc, name=FS, type=twitter, visibility=NONE)",
    );
    expect(String(deserializeOwnConnection({ ...CONNECTION, visibility: 7 }, null))).toContain(
      "visibility=7",
    );
  });

  it("requires two_way_link, which hikari does not read", () => {
    expect(
      deserializationError(() => deserializeOwnConnection(without(CONNECTION, "two_way_link"), null)).path,
    ).toBe("$.two_way_link");
  });

  it("names the path of bad values", () => {
    const cases: [unknown, string][] = [
      [without(CONNECTION, "id"), "$.id"],
      [{ ...CONNECTION, id: 5 }, "$.id"],
      [without(CONNECTION, "type"), "$.type"],
      [without(CONNECTION, "verified"), "$.verified"],
      [without(CONNECTION, "friend_sync"), "$.friend_sync"],
      [without(CONNECTION, "show_activity"), "$.show_activity"],
      [without(CONNECTION, "visibility"), "$.visibility"],
      [{ ...CONNECTION, revoked: "no" }, "$.revoked"],
      [{ ...CONNECTION, integrations: [{ id: "1", type: "twitch" }] }, "$.integrations[0].account"],
    ];
    for (const [payload, path] of cases) {
      expect(deserializationError(() => deserializeOwnConnection(payload, null)).path, path).toBe(path);
    }
    expectOnlyDeserializationErrors((raw) => deserializeOwnConnection(raw, null), CONNECTION);
  });
});
