import { Funnel, StageMove } from "@voronka/contract";
import { storeEvents } from "@voronka/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let tenant: TestTenant;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  tenant = await createTenant(database.db, "Banquet hall");
});
afterAll(() => database.drop());

const STAGES = [
  "First contact",
  "Offer sent",
  "Presentation booked",
  "Presentation",
  "Contract",
  "Payment",
  "After the event",
];

async function call(method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { ...bearer(tenant.secretKey), ...jsonHeaders },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function contact(userId: string): Promise<string> {
  const { stored } = await storeEvents(database.db, tenant.workspaceId, [
    {
      messageId: `seed-${userId}`,
      type: "identify",
      name: null,
      userId,
      anonymousId: null,
      identities: [{ kind: "user_id", value: userId }],
      properties: {},
      context: {},
      timestamp: new Date(),
    },
  ]);
  return stored[0]!.contactId;
}

describe("funnels", () => {
  let funnel: Funnel;

  it("creates the 7-stage banquet funnel with Won and Lost after its stages", async () => {
    const res = await call("POST", "/api/funnels", {
      name: "Banquets",
      stages: STAGES,
      lostReasons: ["Too expensive", "Date taken"],
    });
    expect(res.status).toBe(201);
    funnel = Funnel.parse(res.body);
    expect(funnel.stages.map((s) => s.name)).toEqual([...STAGES, "Won", "Lost"]);
    expect(funnel.stages.map((s) => s.kind)).toEqual([...STAGES.map(() => "open"), "won", "lost"]);
  });

  it("moves a contact through every stage and shows the whole history", async () => {
    const id = await contact("client-1");
    for (const stage of funnel.stages.filter((s) => s.kind !== "lost")) {
      const res = await call("POST", `/api/funnels/${funnel.id}/moves`, {
        contactId: id,
        stageId: stage.id,
      });
      expect(res.status, stage.name).toBe(200);
      expect(res.body.moved).toBe(true);
    }
    const again = await call("POST", `/api/funnels/${funnel.id}/moves`, {
      contactId: id,
      stageId: funnel.stages[7]!.id,
    });
    expect(again.body).toEqual({ moved: false, move: null });

    const history = await call("GET", `/api/funnels/${funnel.id}/history?contactId=${id}`);
    const moves = z.array(StageMove).parse(history.body.data);
    expect(moves.map((m) => m.toStage.name)).toEqual([...STAGES, "Won"]);
    expect(moves[0]!.fromStage).toBeNull();
    expect(moves.slice(1).map((m) => m.fromStage?.name)).toEqual(STAGES);
    expect(new Set(moves.map((m) => m.cause))).toEqual(new Set(["api"]));

    const counts = Funnel.parse((await call("GET", `/api/funnels/${funnel.id}`)).body);
    expect(counts.stages.find((s) => s.kind === "won")?.contacts).toBe(1);
  });

  it("marks another contact lost with a reason from the list, visible in the history", async () => {
    const id = await contact("client-2");
    const offer = funnel.stages[1]!;
    const lost = funnel.stages.find((s) => s.kind === "lost")!;
    await call("POST", `/api/funnels/${funnel.id}/moves`, { contactId: id, stageId: offer.id });

    const noReason = await call("POST", `/api/funnels/${funnel.id}/moves`, {
      contactId: id,
      stageId: lost.id,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe("lostReasonId");

    const reason = funnel.lostReasons.find((r) => r.label === "Too expensive")!;
    const res = await call("POST", `/api/funnels/${funnel.id}/moves`, {
      contactId: id,
      stageId: lost.id,
      lostReasonId: reason.id,
      lostNote: "Chose the hall across the street",
    });
    expect(res.status).toBe(200);
    const history = z
      .array(StageMove)
      .parse((await call("GET", `/api/funnels/${funnel.id}/history?contactId=${id}`)).body.data);
    expect(history.at(-1)).toMatchObject({
      fromStage: { name: "Offer sent" },
      toStage: { name: "Lost", kind: "lost" },
      lostReason: { label: "Too expensive" },
      lostNote: "Chose the hall across the street",
    });
  });

  it("edits stages and lost reasons; refuses to delete a stage with contacts in it", async () => {
    const added = Funnel.parse(
      (await call("POST", `/api/funnels/${funnel.id}/stages`, { name: "Tasting", position: 4 }))
        .body,
    );
    expect(added.stages.map((s) => s.name).slice(3, 6)).toEqual([
      "Presentation",
      "Tasting",
      "Contract",
    ]);
    const tasting = added.stages.find((s) => s.name === "Tasting")!;
    const moved = Funnel.parse(
      (await call("PATCH", `/api/funnels/${funnel.id}/stages/${tasting.id}`, { position: 0 })).body,
    );
    expect(moved.stages[0]!.name).toBe("Tasting");
    expect(moved.stages.at(-1)!.kind).toBe("lost");
    expect((await call("DELETE", `/api/funnels/${funnel.id}/stages/${tasting.id}`)).status).toBe(
      204,
    );

    const offer = funnel.stages[1]!;
    const id = await contact("client-3");
    await call("POST", `/api/funnels/${funnel.id}/moves`, { contactId: id, stageId: offer.id });
    const refused = await call("DELETE", `/api/funnels/${funnel.id}/stages/${offer.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/Move them/);

    const withReason = Funnel.parse(
      (await call("POST", `/api/funnels/${funnel.id}/lost-reasons`, { label: "No budget" })).body,
    );
    expect(withReason.lostReasons.map((r) => r.label)).toContain("No budget");
  });

  it("a rule moves a contact when it does the target action", async () => {
    const booked = funnel.stages[2]!;
    const rule = await call("POST", `/api/funnels/${funnel.id}/rules`, {
      eventName: "Presentation Booked",
      stageId: booked.id,
    });
    expect(rule.status).toBe(201);
    const id = await contact("client-4");
    await storeEvents(database.db, tenant.workspaceId, [
      {
        messageId: "booked-4",
        type: "track",
        name: "Presentation Booked",
        userId: "client-4",
        anonymousId: null,
        identities: [{ kind: "user_id", value: "client-4" }],
        properties: {},
        context: {},
        timestamp: new Date(),
      },
    ]);
    const history = z
      .array(StageMove)
      .parse((await call("GET", `/api/funnels/${funnel.id}/history?contactId=${id}`)).body.data);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      toStage: { name: "Presentation booked" },
      cause: "rule",
      causeRef: rule.body.id,
    });
  });

  it("rejects bad input with 400 and writes nothing", async () => {
    const before = (await database.pool.query("select count(*)::int as n from funnels")).rows[0].n;
    const res = await call("POST", "/api/funnels", { name: "", stages: [] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      "name",
      "stages",
    ]);
    const dup = await call("POST", "/api/funnels", { name: "X", stages: ["A", "a"] });
    expect(dup.status).toBe(400);
    expect((await database.pool.query("select count(*)::int as n from funnels")).rows[0].n).toBe(
      before,
    );
  });
});
