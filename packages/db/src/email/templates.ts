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
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Creates a template with its version 1. */
export async function createEmailTemplate(
  db: Db,
  workspaceId: string,
  input: TemplateContent & { name: string },
): Promise<EmailTemplate> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(emailTemplates)
      .values({ workspaceId, name: input.name, currentVersion: 1 })
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
    return { ...input, id: row.id, version: 1, createdAt: row.createdAt, updatedAt: row.updatedAt };
  });
}

/** Saves a new version (or renames); earlier versions stay for journeys published with them. */
export async function updateEmailTemplate(
  db: Db,
  workspaceId: string,
  id: string,
  patch: Partial<TemplateContent> & { name?: string | undefined },
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
      .set({ name: patch.name ?? current.name, currentVersion: version, updatedAt: new Date() })
      .where(and(eq(emailTemplates.workspaceId, workspaceId), eq(emailTemplates.id, id)))
      .returning();
    if (!row) return undefined;
    return {
      ...content,
      id,
      name: row.name,
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
    version: number;
    subject: string;
    preheader: string;
    mjml: string;
    created_at: Date;
    updated_at: Date;
  }>(sql`
    select t.id, t.name, t.current_version as version, v.subject, v.preheader, v.mjml, t.created_at, t.updated_at
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
  version: number;
  cacheKey: string;
}

/**
 * The version a send uses: the newest saved at or before `asOf` (the journey version's publish
 * time), so a published journey keeps sending what it was published with; the newest
 * otherwise (a template created after publishing).
 */
export async function templateVersionAsOf(
  tx: Tx,
  workspaceId: string,
  templateId: string,
  asOf: Date | null,
): Promise<TemplateVersionForSend | undefined> {
  const at = (asOf ?? new Date()).toISOString();
  const rows = await tx.execute<{
    version: number;
    subject: string;
    preheader: string;
    mjml: string;
  }>(sql`
    select version, subject, preheader, mjml from email_template_versions
    where workspace_id = ${workspaceId} and template_id = ${templateId}
    order by (created_at <= ${at}::timestamptz) desc, version desc
    limit 1`);
  const r = rows.rows[0];
  if (!r) return undefined;
  return { ...r, templateId, cacheKey: `${workspaceId}:${templateId}:${r.version}` };
}
