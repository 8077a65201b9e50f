import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Consent } from "../schema/contacts.ts";
import { pgArray } from "../sql-array.ts";
import { recordDeliveryEvents } from "./delivery-events.ts";

/** A subscription group of a workspace ("News", "Offers"). */
export interface EmailTopic {
  id: string;
  name: string;
  description: string;
  createdAt: Date;
}

type TopicRow = { id: string; name: string; description: string; created_at: Date };
const toTopic = (r: TopicRow): EmailTopic => ({
  id: r.id,
  name: r.name,
  description: r.description,
  createdAt: new Date(r.created_at),
});

export async function createEmailTopic(
  db: Db,
  workspaceId: string,
  input: { name: string; description?: string | undefined },
): Promise<EmailTopic> {
  const rows = await db.execute<TopicRow>(sql`
    insert into email_topics (workspace_id, name, description)
    values (${workspaceId}, ${input.name}, ${input.description ?? ""})
    returning id, name, description, created_at`);
  const row = rows.rows[0];
  if (!row) throw new Error("topic not inserted");
  return toTopic(row);
}

export async function listEmailTopics(db: Db, workspaceId: string): Promise<EmailTopic[]> {
  const rows = await db.execute<TopicRow>(sql`
    select id, name, description, created_at from email_topics
    where workspace_id = ${workspaceId} order by created_at, name`);
  return rows.rows.map(toTopic);
}

/** Whether the topic exists in the workspace. */
export async function emailTopicExists(db: Db, workspaceId: string, id: string) {
  const rows = await db.execute(sql`
    select 1 from email_topics where workspace_id = ${workspaceId} and id = ${id}`);
  return rows.rows.length > 0;
}

/** Deletes a topic: its templates no longer belong to one, its opt-outs go. */
export async function deleteEmailTopic(db: Db, workspaceId: string, id: string) {
  return db.transaction(async (tx) => {
    const gone = await tx.execute(sql`
      delete from email_topics where workspace_id = ${workspaceId} and id = ${id}`);
    if ((gone.rowCount ?? 0) === 0) return false;
    await tx.execute(sql`
      update email_templates set topic_id = null where workspace_id = ${workspaceId} and topic_id = ${id}`);
    await tx.execute(sql`
      delete from email_topic_optouts where workspace_id = ${workspaceId} and topic_id = ${id}`);
    return true;
  });
}

/** What the preference page shows a person. */
export interface EmailPreferences {
  /** `consent.email = unsubscribed`: no email at all. */
  unsubscribedAll: boolean;
  topics: Array<{ id: string; name: string; description: string; subscribed: boolean }>;
  /** The topic of the email the link came from, when it has one. */
  topicOfEmail: string | null;
}

/** The preference state of a contact (undefined when the contact is not in the workspace). */
export async function emailPreferences(
  db: Db,
  workspaceId: string,
  contactId: string,
  effectKey: string,
): Promise<EmailPreferences | undefined> {
  const contact = await db.execute<{ consent: Consent | null }>(sql`
    select consent from contacts where workspace_id = ${workspaceId} and id = ${contactId}`);
  const c = contact.rows[0];
  if (!c) return undefined;
  const topics = await db.execute<TopicRow & { opted_out: boolean }>(sql`
    select t.id, t.name, t.description, t.created_at, o.topic_id is not null as opted_out
    from email_topics t
    left join email_topic_optouts o
      on o.workspace_id = t.workspace_id and o.topic_id = t.id and o.contact_id = ${contactId}
    where t.workspace_id = ${workspaceId}
    order by t.created_at, t.name`);
  const ofEmail = await db.execute<{ topic_id: string | null }>(sql`
    select t.topic_id from email_deliveries d
    join email_templates t on t.workspace_id = d.workspace_id and t.id = d.template_id
    where d.workspace_id = ${workspaceId} and d.effect_key = ${effectKey}`);
  return {
    unsubscribedAll: c.consent?.email === "unsubscribed",
    topics: topics.rows.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      subscribed: !t.opted_out,
    })),
    topicOfEmail: ofEmail.rows[0]?.topic_id ?? null,
  };
}

/**
 * Sets which of the workspace's topics a contact receives: the others are opted out. Each
 * newly left topic records an `Email Unsubscribed` event (with `topicId`); a topic ticked
 * again is received again. Topics of other workspaces are ignored. False when the contact is
 * not in the workspace.
 */
export async function setEmailTopicSubscriptions(
  db: Db,
  workspaceId: string,
  contactId: string,
  subscribed: readonly string[],
  source: { effectKey: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const exists = await tx.execute(sql`
      select 1 from contacts where workspace_id = ${workspaceId} and id = ${contactId} for update`);
    if (exists.rows.length === 0) return false;
    const keep = sql`${pgArray([...subscribed])}::text[]`;
    await tx.execute(sql`
      delete from email_topic_optouts
      where workspace_id = ${workspaceId} and contact_id = ${contactId}
        and topic_id::text = any(${keep})`);
    const left = await tx.execute<{ topic_id: string; name: string }>(sql`
      with added as (
        insert into email_topic_optouts (workspace_id, contact_id, topic_id)
        select t.workspace_id, ${contactId}, t.id from email_topics t
        where t.workspace_id = ${workspaceId}
          and not (t.id::text = any(${keep}))
        on conflict do nothing
        returning topic_id)
      select a.topic_id, t.name from added a
      join email_topics t on t.workspace_id = ${workspaceId} and t.id = a.topic_id`);
    await recordDeliveryEvents(
      tx,
      workspaceId,
      left.rows.map((t) => ({
        contactId,
        name: "Email Unsubscribed" as const,
        messageId: `email-unsubscribed:${source.effectKey}:${t.topic_id}`,
        properties: {
          effectKey: source.effectKey,
          method: "preferences",
          topicId: t.topic_id,
          topic: t.name,
        },
        at: new Date(),
      })),
    );
    return true;
  });
}
