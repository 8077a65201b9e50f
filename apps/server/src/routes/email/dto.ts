import { z } from "@hono/zod-openapi";
import type {
  EmailTemplate as EmailTemplateDto,
  EmailTemplateSummary as EmailTemplateSummaryDto,
} from "@voronka/contract";
import { AppError } from "@voronka/core";
import { type Db, type EmailTemplate, getEmailTemplate } from "@voronka/db";
import { validateTemplate } from "@voronka/email";

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

/** Refuses MJML or Liquid that does not compile, one `details` entry per problem and line. */
export async function assertValidTemplate(content: {
  subject: string;
  preheader: string;
  mjml: string;
}): Promise<void> {
  const issues = await validateTemplate(content);
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
  version: number;
  updatedAt: Date;
}): EmailTemplateSummaryDto {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
