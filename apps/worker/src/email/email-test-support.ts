/**
 * Helpers for the email DB tests: a workspace with sender settings and a DKIM key, a contact
 * with an email address, and a published journey whose send-email effect reaches the outbox
 * through the real engine.
 */
import {
  type Consent,
  createEmailTemplate,
  type Db,
  insertEffects,
  saveEmailSettings,
  storeEvents,
} from "@voronka/db";
import { type DkimKeyPair, dkimDnsRecord, type EmailConfig, generateDkimKey } from "@voronka/email";
import { sql } from "drizzle-orm";
import { publish, settle } from "../../../../packages/db/src/engine/engine-test-support.ts";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { WELCOME_MJML } from "./welcome-fixture.ts";

export { WELCOME_MJML };

export const TEST_CONFIG: EmailConfig = {
  secret: "test-secret-test-secret-test-secret-0123456789",
  baseUrl: "https://voronka.test",
  smtpUrl: undefined,
};

/** A tenant sending as news@acme.test through `smtpUrl` (or the dev mailbox), DKIM-signed. */
export async function emailWorkspace(db: Db, smtpUrl: string | null) {
  const { workspaceId, secretKey } = await createTenant(db, "Acme");
  const dkim: DkimKeyPair = generateDkimKey();
  await saveEmailSettings(db, workspaceId, {
    fromName: "Acme",
    fromAddress: "news@acme.test",
    smtpUrl,
    dkimDomain: "acme.test",
    dkimSelector: "vk1",
    dkimPrivateKey: dkim.privateKeyPem,
    dkimPublicKey: dkim.publicKey,
  });
  const template = await createEmailTemplate(db, workspaceId, {
    name: "Welcome",
    subject: "Welcome, {{ contact.firstName }}!",
    preheader: "A gift for {{ contact.firstName }}",
    mjml: WELCOME_MJML,
  });
  const dns = dkimDnsRecord("acme.test", "vk1", dkim.publicKey);
  return { workspaceId, secretKey, templateId: template.id, dns };
}

let n = 0;

/** A contact with an email address and email consent, created through ingestion. */
export async function emailContact(
  db: Db,
  workspaceId: string,
  fields: { firstName: string; email?: string; traits?: Record<string, unknown> },
): Promise<{ userId: string; contactId: string; email: string }> {
  n++;
  const userId = `user-${n}`;
  const email = fields.email ?? `person${n}@example.com`;
  const consent: Consent = { email: "subscribed" };
  const { stored } = await storeEvents(db, workspaceId, [
    {
      messageId: `identify-${userId}`,
      type: "identify",
      name: null,
      userId,
      anonymousId: null,
      identities: [{ kind: "user_id", value: userId }],
      patch: { email, firstName: fields.firstName, consent, traits: fields.traits ?? {} },
      properties: {},
      context: {},
      timestamp: new Date("2020-01-01T00:00:00Z"),
    },
  ]);
  const contactId = stored[0]?.contactId;
  if (!contactId) throw new Error("contact not created");
  return { userId, contactId, email };
}

/** trigger `signed_up` → send the template → wait for `Email Link Clicked` (1 day) → exit. */
export function welcomeGraph(templateId: string) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: "t", type: "trigger-event", position: { x: 0, y: 0 }, data: { event: "signed_up" } },
      { id: "mail", type: "send-email", position: { x: 1, y: 0 }, data: { templateId } },
      {
        id: "wait",
        type: "wait-for-event",
        position: { x: 2, y: 0 },
        data: { event: "Email Link Clicked", timeout: { amount: 1, unit: "days" } },
      },
      { id: "clicked", type: "exit", position: { x: 3, y: 0 }, data: { reason: "clicked" } },
      { id: "timeout", type: "exit", position: { x: 3, y: 1 }, data: { reason: "no click" } },
    ],
    edges: [
      { id: "e1", source: "t", sourceHandle: "out", target: "mail" },
      { id: "e2", source: "mail", sourceHandle: "out", target: "wait" },
      { id: "e3", source: "wait", sourceHandle: "event", target: "clicked" },
      { id: "e4", source: "wait", sourceHandle: "timeout", target: "timeout" },
    ],
  };
}

/** Publishes the welcome journey once per workspace. */
export function publishWelcome(db: Db, workspaceId: string, templateId: string) {
  return publish(db, workspaceId, welcomeGraph(templateId), "Welcome");
}

/** Ingests `signed_up` for the contact and runs the engine: one pending email effect. */
export async function signUp(db: Db, workspaceId: string, userId: string): Promise<string> {
  const now = Date.now();
  await storeEvents(db, workspaceId, [
    {
      messageId: `signup-${userId}-${now}`,
      type: "track",
      name: "signed_up",
      userId,
      anonymousId: null,
      identities: [{ kind: "user_id", value: userId }],
      properties: {},
      context: {},
      timestamp: new Date(now),
    },
  ]);
  await settle(db, workspaceId, now);
  const r = await db.execute<{ key: string }>(sql`
    select f.key from journey_effects f join contacts c on c.workspace_id = f.workspace_id and c.id = f.contact_id
    where f.workspace_id = ${workspaceId} and c.user_id = ${userId} and f.channel = 'email'
    order by f.created_at desc limit 1`);
  const key = r.rows[0]?.key;
  if (!key) throw new Error("no email effect in the outbox");
  return key;
}

let visits = 1;

/**
 * Writes another send effect for the contact's enrollment the way the engine does (a later
 * visit of the send node), for tests that need a second send without re-entry.
 */
export async function queueSend(db: Db, workspaceId: string, userId: string, templateId: string) {
  const r = await db.execute<{
    id: string;
    journey_id: string;
    version: number;
    contact_id: string;
  }>(sql`
    select e.id, e.journey_id, e.version, e.contact_id from enrollments e
    join contacts c on c.workspace_id = e.workspace_id and c.id = e.contact_id
    where e.workspace_id = ${workspaceId} and c.user_id = ${userId} limit 1`);
  const enrollment = r.rows[0];
  if (!enrollment) throw new Error("no enrollment");
  visits++;
  // `<enrollment>:<node>:<visit>:<kind>`, as packages/journey `effectKey` builds it.
  const key = `${enrollment.id}:mail:${visits}:send`;
  await db.transaction((tx) =>
    insertEffects(tx, [
      {
        workspaceId,
        enrollmentId: enrollment.id,
        journeyId: enrollment.journey_id,
        version: enrollment.version,
        contactId: enrollment.contact_id,
        at: Date.now(),
        effect: { type: "send-email", key, nodeId: "mail", templateId, vars: {} },
      },
    ]),
  );
  return key;
}
