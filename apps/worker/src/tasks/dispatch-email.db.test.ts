import { createLogger } from "@voronka/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { until } from "../../../../test/support/until.ts";
import {
  emailContact,
  emailWorkspace,
  publishWelcome,
  signUp,
  TEST_CONFIG,
} from "../email/email-test-support.ts";
import { startWorker } from "../runner.ts";
import { DispatchEmailPayload } from "./dispatch-email.ts";

let database: TestDatabase;
beforeAll(async () => {
  // The running worker reads its configuration from the environment.
  process.env.VORONKA_SECRET = TEST_CONFIG.secret;
  delete process.env.SMTP_URL;
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe("dispatch_email task", () => {
  it("with no SMTP configured, the running worker stores the email in the dev mailbox", async () => {
    const acme = await emailWorkspace(database.db, null);
    await publishWelcome(database.db, acme.workspaceId, acme.templateId);
    const ann = await emailContact(database.db, acme.workspaceId, { firstName: "Ann" });
    const key = await signUp(database.db, acme.workspaceId, ann.userId);

    const worker = await startWorker({ database, log: createLogger("silent"), pollInterval: 100 });
    try {
      await database.db.execute(sql`select graphile_worker.add_job('dispatch_email', '{}'::json)`);
      await until(async () => {
        const r = await database.db.execute<{ status: string }>(sql`
          select status from journey_effects where workspace_id = ${acme.workspaceId} and key = ${key}`);
        return r.rows[0]?.status === "done";
      });
    } finally {
      await worker.stop();
    }
    const box = await database.db.execute<{ to_address: string; subject: string; raw: string }>(sql`
      select to_address, subject, raw from email_dev_mailbox where workspace_id = ${acme.workspaceId}`);
    expect(box.rows).toHaveLength(1);
    expect(box.rows[0]).toMatchObject({ to_address: ann.email, subject: "Welcome, Ann!" });
    expect(box.rows[0]?.raw).toMatch(/^DKIM-Signature: /m);
    expect(box.rows[0]?.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
  });

  it("parses its payload: {} and cron runs pass, anything else is refused", () => {
    expect(DispatchEmailPayload.parse({})).toEqual({});
    expect(() =>
      DispatchEmailPayload.parse({ _cron: { ts: "2026-11-22T08:00:00Z" } }),
    ).not.toThrow();
    expect(() => DispatchEmailPayload.parse({ _cron: "yesterday" })).toThrow();
  });
});
