import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Tx } from "../contacts/resolve.ts";
import { emailTemplates, emailTemplateVersions } from "../schema/email.ts";

export interface TemplateContent {
  subject: string;
  preheader: string;
  mjml: string;
}

export interface EmailTemplate extends TemplateContent {
  id: string;
  name: string;
  /** A stable name journeys may refer to the template by; unique in the workspace. */
  slug: string | null;
  /** The subscription group (`email_topics`) its emails belong to. */
  topicId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Creates a template with its version 1. */
export async function createEmailTemplate(
  db: Db,
  workspaceId: string,
  input: TemplateContent & {
    name: string;
    slug?: string | null | undefined;
    topicId?: string | null | undefined;
  },
): Promise<EmailTemplate> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(emailTemplates)
      .values({
        workspaceId,
        name: input.name,
        slug: input.slug ?? null,
        topicId: input.topicId ?? null,
        currentVersion: 1,
      })
      .returning();
    if (!row) throw new Error("template not inserted");
    await tx.insert(emailTemplateVersions).values({
      workspaceId,
      templateId: row.id,
      version: 1,
      subject: input.subject,
      preheader: input.preheader,
      mjml: input.mjml,
    });
    return {
      subject: input.subject,
      preheader: input.preheader,
      mjml: input.mjml,
      name: row.name,
      slug: row.slug,
      topicId: row.topicId,
      id: row.id,
      version: 1,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  });
}

/** Saves a new version (or renames); earlier versions stay for journeys published with them. */
export async function updateEmailTemplate(
  db: Db,
  workspaceId: string,
  id: string,
  patch: Partial<TemplateContent> & {
    name?: string | undefined;
    /** `null` clears it; absent keeps it. */
    slug?: string | null | undefined;
    topicId?: string | null | undefined;
  },
): Promise<EmailTemplate | undefined> {
  return db.transaction(async (tx) => {
    const current = await loadTemplate(tx, workspaceId, id, true);
    if (!current) return undefined;
    const content = {
      subject: patch.subject ?? current.subject,
      preheader: patch.preheader ?? current.preheader,
      mjml: patch.mjml ?? current.mjml,
    };
    const changed =
      content.subject !== current.subject ||
      content.preheader !== current.preheader ||
      content.mjml !== current.mjml;
    const version = changed ? current.version + 1 : current.version;
    if (changed) {
      await tx
        .insert(emailTemplateVersions)
        .values({ workspaceId, templateId: id, version, ...content });
    }
    const [row] = await tx
      .update(emailTemplates)
      .set({
        name: patch.name ?? current.name,
        slug: patch.slug === undefined ? current.slug : patch.slug,
        topicId: patch.topicId === undefined ? current.topicId : patch.topicId,
        currentVersion: version,
        updatedAt: new Date(),
      })
      .where(and(eq(emailTemplates.workspaceId, workspaceId), eq(emailTemplates.id, id)))
      .returning();
    if (!row) return undefined;
    return {
      ...content,
      id,
      name: row.name,
      slug: row.slug,
      topicId: row.topicId,
      version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  });
}

/** The template with its current version's content. */
export function getEmailTemplate(db: Db, workspaceId: string, id: string) {
  return loadTemplate(db, workspaceId, id, false);
}

async function loadTemplate(
  tx: Tx,
  workspaceId: string,
  id: string,
  lock: boolean,
): Promise<EmailTemplate | undefined> {
  const rows = await tx.execute<{
    id: string;
    name: string;
    slug: string | null;
    topic_id: string | null;
    version: number;
    subject: string;
    preheader: string;
    mjml: string;
    created_at: Date;
    updated_at: Date;
  }>(sql`
    select t.id, t.name, t.slug, t.topic_id, t.current_version as version, v.subject, v.preheader, v.mjml, t.created_at, t.updated_at
    from email_templates t
    join email_template_versions v
      on v.workspace_id = t.workspace_id and v.template_id = t.id and v.version = t.current_version
    where t.workspace_id = ${workspaceId} and t.id = ${id}
    ${lock ? sql`for update of t` : sql``}`);
  const r = rows.rows[0];
  if (!r) return undefined;
  return {
    id: r.id,
    name: r.name,
    slug: r.slug,
    topicId: r.topic_id,
    version: r.version,
    subject: r.subject,
    preheader: r.preheader,
    mjml: r.mjml,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

/** The workspace's templates (current version numbers), newest first. */
export function listEmailTemplates(db: Db, workspaceId: string) {
  return db
    .select({
      id: emailTemplates.id,
      name: emailTemplates.name,
      slug: emailTemplates.slug,
      topicId: emailTemplates.topicId,
      version: emailTemplates.currentVersion,
      updatedAt: emailTemplates.updatedAt,
    })
    .from(emailTemplates)
    .where(eq(emailTemplates.workspaceId, workspaceId))
    .orderBy(desc(emailTemplates.updatedAt));
}

/** Deletes a template and its versions; true when it existed. */
export async function deleteEmailTemplate(db: Db, workspaceId: string, id: string) {
  return db.transaction(async (tx) => {
    await tx
      .delete(emailTemplateVersions)
      .where(
        and(
          eq(emailTemplateVersions.workspaceId, workspaceId),
          eq(emailTemplateVersions.templateId, id),
        ),
      );
    const gone = await tx
      .delete(emailTemplates)
      .where(and(eq(emailTemplates.workspaceId, workspaceId), eq(emailTemplates.id, id)))
      .returning({ id: emailTemplates.id });
    return gone.length > 0;
  });
}

/** A template version ready to render; `cacheKey` is unique per immutable version. */
export interface TemplateVersionForSend extends TemplateContent {
  templateId: string;
  topicId: string | null;
  version: number;
  cacheKey: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a template reference is an id (else it is a slug). */
export function isTemplateId(ref: string): boolean {
  return UUID.test(ref);
}

/**
 * The version a send uses: the newest saved at or before `asOf` (the journey version's publish
 * time), so a published journey keeps sending what it was published with; the newest
 * otherwise (a template created after publishing). `ref` is the template's id or its slug
 * (journey files name templates by slug).
 */
export async function templateVersionAsOf(
  tx: Tx,
  workspaceId: string,
  ref: string,
  asOf: Date | null,
): Promise<TemplateVersionForSend | undefined> {
  const at = (asOf ?? new Date()).toISOString();
  const match = isTemplateId(ref) ? sql`t.id = ${ref}::uuid` : sql`t.slug = ${ref}`;
  const rows = await tx.execute<{
    template_id: string;
    topic_id: string | null;
    version: number;
    subject: string;
    preheader: string;
    mjml: string;
  }>(sql`
    select t.id as template_id, t.topic_id, v.version, v.subject, v.preheader, v.mjml
    from email_templates t
    join email_template_versions v on v.workspace_id = t.workspace_id and v.template_id = t.id
    where t.workspace_id = ${workspaceId} and ${match}
    order by (v.created_at <= ${at}::timestamptz) desc, v.version desc
    limit 1`);
  const r = rows.rows[0];
  if (!r) return undefined;
  return {
    templateId: r.template_id,
    topicId: r.topic_id,
    version: r.version,
    subject: r.subject,
    preheader: r.preheader,
    mjml: r.mjml,
    cacheKey: `${workspaceId}:${r.template_id}:${r.version}`,
  };
}
