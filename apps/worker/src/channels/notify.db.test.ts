import { listManagerTasks } from "@voronka/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { channelContact, effectRow, queueEffect, TEST_SECRET } from "./channel-test-support.ts";
import { dispatchChannelBatch } from "./dispatch.ts";
import { TASK_DUE_MS } from "./notify.ts";

let database: TestDatabase;
beforeAll(async () => {
  process.env.VORONKA_SECRET = TEST_SECRET;
  delete process.env.SMTP_URL;
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const T0 = new Date("2026-11-25T09:00:00Z");
const config = { secret: TEST_SECRET, baseUrl: "https://voronka.test", smtpUrl: undefined };

describe("notify-manager", () => {
  it("creates one task per effect, due a day later, and emails the managers (dev mailbox)", async () => {
    const { workspaceId, email } = await createTenant(database.db, "Banquet hall");
    const ann = await channelContact(database.db, workspaceId, { firstName: "Ann" });
    const key = await queueEffect(
      database.db,
      workspaceId,
      ann.contactId,
      (k) => ({
        type: "notify-manager",
        key: k,
        nodeId: "notify",
        via: "email",
        message: "Call {{ contact.firstName }} about the wedding <menu>",
      }),
      T0.getTime(),
    );
    const r = await dispatchChannelBatch(database.db, { now: T0, emailConfig: config });
    expect(r).toMatchObject({ claimed: 1, sent: 1 });
    expect(await effectRow(database.db, workspaceId, key)).toMatchObject({ status: "done" });

    const tasks = await listManagerTasks(database.db, workspaceId, { limit: 10 });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      contactId: ann.contactId,
      message: "Call Ann about the wedding <menu>",
      status: "open",
      dueAt: new Date(T0.getTime() + TASK_DUE_MS),
    });

    const box = await database.db.execute<{
      to_address: string;
      subject: string;
      html: string;
      text: string;
    }>(sql`
      select to_address, subject, html, text from email_dev_mailbox where workspace_id = ${workspaceId}`);
    expect(box.rows).toHaveLength(1);
    expect(box.rows[0]?.to_address).toBe(email);
    expect(box.rows[0]?.subject).toContain("Ann");
    expect(box.rows[0]?.text).toContain(`https://voronka.test/contacts/${ann.contactId}`);
    // Personal data is escaped in the HTML part.
    expect(box.rows[0]?.html).toContain("&#60;menu&#62;");
    expect(box.rows[0]?.html).not.toContain("<menu>");
  });

  it("a task-only notification creates the task and sends no email", async () => {
    const { workspaceId } = await createTenant(database.db, "Quiet shop");
    const bob = await channelContact(database.db, workspaceId, { firstName: "Bob" });
    await queueEffect(database.db, workspaceId, bob.contactId, (k) => ({
      type: "notify-manager",
      key: k,
      nodeId: "notify",
      via: "task",
      message: "Follow up",
    }));
    await dispatchChannelBatch(database.db, { now: T0, emailConfig: config });
    expect(
      await listManagerTasks(database.db, workspaceId, { status: "open", limit: 10 }),
    ).toHaveLength(1);
    const box = await database.db.execute(
      sql`select 1 from email_dev_mailbox where workspace_id = ${workspaceId}`,
    );
    expect(box.rows).toHaveLength(0);
  });
});
