import { z } from "@hono/zod-openapi";
import type {
  EmailTemplate as EmailTemplateDto,
  EmailTemplateSummary as EmailTemplateSummaryDto,
} from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  type Db,
  type EmailTemplate,
  emailTopicExists,
  getEmailTemplate,
  listEmailPartials,
} from "@voronka/db";
import { type TemplateIssue, validateTemplate } from "@voronka/email";

export const TemplateParams = z.object({ id: z.uuid() });

/** The template of this workspace, or a 404 that says nothing about other workspaces. */
export async function loadTemplate(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<EmailTemplate> {
  const row = await getEmailTemplate(db, workspaceId, id);
  if (!row) throw new AppError("not_found", "No email template with this id in this workspace.");
  return row;
}

/** The workspace's partials (current versions) by name, for validation and previews. */
export async function currentPartials(db: Db, workspaceId: string) {
  return new Map((await listEmailPartials(db, workspaceId)).map((p) => [p.name, p]));
}

/** Refuses MJML or Liquid that does not compile, one `details` entry per problem and line. */
export async function assertValidTemplate(
  db: Db,
  workspaceId: string,
  content: { subject: string; preheader: string; mjml: string },
): Promise<void> {
  const issues = await validateTemplate(content, await currentPartials(db, workspaceId));
  raiseIssues(issues);
}

/** A topic id of another workspace (or none) is refused. */
export async function assertTopic(db: Db, workspaceId: string, topicId: string | null | undefined) {
  if (!topicId) return;
  if (!(await emailTopicExists(db, workspaceId, topicId))) {
    throw new AppError("validation_failed", "No such topic in this workspace.", {
      details: [{ path: "topicId", message: "Unknown topic." }],
    });
  }
}

/** Throws a 400 with one `details` entry per problem (`line N: …`). */
export function raiseIssues(issues: readonly TemplateIssue[]): void {
  if (issues.length === 0) return;
  throw new AppError("validation_failed", "The template has errors.", {
    details: issues.map((i) => ({
      path: i.path,
      message: i.line === null ? i.message : `line ${i.line}: ${i.message}`,
    })),
  });
}

export function toTemplate(row: EmailTemplate): EmailTemplateDto {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    topicId: row.topicId,
    version: row.version,
    subject: row.subject,
    preheader: row.preheader,
    mjml: row.mjml,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toSummary(row: {
  id: string;
  name: string;
  slug: string | null;
  topicId: string | null;
  version: number;
  updatedAt: Date;
}): EmailTemplateSummaryDto {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    topicId: row.topicId,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Runs a template insert/update; a slug another template of the workspace has is a 409. */
export async function slugUnique<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const cause = err instanceof Error && "cause" in err ? err.cause : undefined;
    const code = [err, cause].map((e) =>
      typeof e === "object" && e !== null && "code" in e ? e.code : undefined,
    );
    if (code.includes("23505")) {
      throw new AppError("conflict", "Another email template of this workspace has this slug.");
    }
    throw err;
  }
}
