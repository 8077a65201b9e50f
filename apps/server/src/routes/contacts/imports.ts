import { createRoute, z } from "@hono/zod-openapi";
import { ContactImport, ErrorEnvelope, ImportMapping } from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  type CsvDelimiter,
  createImport,
  getFunnel,
  getImport,
  listImports,
  readCsvHeader,
} from "@voronka/db";
import { bodyLimit } from "hono/body-limit";
import { requireAuth } from "../../middleware/auth.ts";
import { authErrors, badRequest, json, notFoundResponse, router, secured } from "../../openapi.ts";
import { toContactImport } from "./dto.ts";

/** The largest CSV accepted. The app's 1 MB limit for /api skips this path (see app.ts). */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_PATH = "/api/contacts/imports";

const base = { tags: ["Contacts"], middleware: [requireAuth], security: secured };
const DELIMITERS: Record<string, CsvDelimiter> = { comma: ",", semicolon: ";", tab: "\t" };

const ImportQuery = z.object({
  mapping: z
    .string()
    .min(2)
    .max(20_000)
    .meta({
      description:
        "JSON object: CSV column header → field (`email`, `phone`, `userId`, `firstName`, `lastName`, " +
        "`name`, `city`, `country`, `birthday`, `gender`, `tags`, `timeZone`, or `traits.<key>`).",
      example: '{"E-mail":"email","Phone":"phone","First name":"firstName","Plan":"traits.plan"}',
    }),
  fileName: z.string().trim().min(1).max(200).default("import.csv"),
  delimiter: z.enum(["comma", "semicolon", "tab"]).optional().meta({
    description: "Guessed from the header line when absent.",
  }),
  funnelId: z.uuid().optional().meta({ description: "With `stageId`: place every contact there." }),
  stageId: z.uuid().optional(),
});

const create = createRoute({
  ...base,
  method: "post",
  path: IMPORT_PATH,
  summary: "Import contacts from a CSV file",
  description:
    "Send the CSV itself as the body (`Content-Type: text/csv`, UTF-8, up to 50 MB; a BOM, quoted " +
    "cells and `,` `;` or tab delimiters are handled) and the column mapping as the `mapping` query " +
    "parameter. Rows are matched to existing contacts by email, phone and userId: a match is " +
    "updated (blank cells leave fields alone, tags are added), rows of the file naming the same " +
    "person collapse into one contact. The import runs in the background: poll " +
    "`GET /api/contacts/imports/{id}` for `processedRows` of `totalRows`; rejected rows (invalid " +
    "email or phone, no identifier, bad date, unknown time zone) are counted and the first 1000 " +
    "listed with their row number (the header is row 1) and the reason.",
  middleware: [
    requireAuth,
    bodyLimit({
      maxSize: IMPORT_MAX_BYTES,
      onError: () => {
        throw new AppError("payload_too_large", "The CSV file is larger than 50 MB.");
      },
    }),
  ] as const,
  request: {
    query: ImportQuery,
    body: {
      content: { "text/csv": { schema: z.string().meta({ format: "binary" }) } },
      description: "The CSV file, header row first.",
      required: true,
    },
  },
  responses: {
    202: json(ContactImport, "The import, queued."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
    413: json(ErrorEnvelope, "The file is over 50 MB."),
  },
});

const list = createRoute({
  ...base,
  method: "get",
  path: IMPORT_PATH,
  summary: "Recent CSV imports",
  description: "The workspace's 50 most recent imports, newest first.",
  responses: { 200: json(z.object({ data: z.array(ContactImport) }), "Imports."), ...authErrors },
});

const get = createRoute({
  ...base,
  method: "get",
  path: `${IMPORT_PATH}/{id}`,
  summary: "An import's progress and report",
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: json(ContactImport, "The import."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

function invalid(path: string, message: string): AppError {
  return new AppError("validation_failed", message, { details: [{ path, message }] });
}

function parseMapping(text: string): ImportMapping {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid("mapping", "The mapping is not valid JSON.");
  }
  const parsed = ImportMapping.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("validation_failed", "The mapping is invalid.", {
    details: parsed.error.issues.map((i) => ({
      path: ["mapping", ...i.path.map(String)].join("."),
      message: i.message,
    })),
  });
}

export const importRoutes = router()
  .openapi(create, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const query = c.req.valid("query");
    const mapping = parseMapping(query.mapping);
    const type = c.req.header("content-type") ?? "";
    if (!/^text\/(csv|plain)\b/i.test(type)) {
      throw new AppError(
        "bad_request",
        "Send the CSV file as the body with Content-Type: text/csv.",
      );
    }
    const content = await c.req.text();
    if (!content.trim()) throw invalid("(body)", "The CSV file is empty.");
    const delimiter = query.delimiter ? DELIMITERS[query.delimiter] : undefined;
    let header: string[];
    try {
      header = readCsvHeader(content, delimiter);
    } catch (err) {
      throw invalid(
        "(body)",
        `The CSV header cannot be read: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    const missing = Object.keys(mapping).filter((column) => !header.includes(column.trim()));
    if (missing.length > 0) {
      throw new AppError("validation_failed", "Some mapped columns are not in the file's header.", {
        details: missing.map((column) => ({
          path: `mapping.${column}`,
          message: `No column "${column}" in the header.`,
        })),
      });
    }
    let stage: { funnelId: string; stageId: string } | undefined;
    if (query.funnelId || query.stageId) {
      if (!query.funnelId || !query.stageId)
        throw invalid("stageId", "Give both funnelId and stageId.");
      const funnel = await getFunnel(db, workspaceId, query.funnelId);
      if (!funnel?.stages.some((s) => s.id === query.stageId)) {
        throw new AppError("not_found", "No such funnel stage in this workspace.");
      }
      stage = { funnelId: query.funnelId, stageId: query.stageId };
    }
    const row = await createImport(db, workspaceId, {
      fileName: query.fileName,
      mapping,
      content,
      stage,
      delimiter,
    });
    return c.json(toContactImport(row), 202);
  })
  .openapi(list, async (c) => {
    const rows = await listImports(c.get("deps").db, c.get("auth").workspaceId);
    return c.json({ data: rows.map(toContactImport) }, 200);
  })
  .openapi(get, async (c) => {
    const row = await getImport(
      c.get("deps").db,
      c.get("auth").workspaceId,
      c.req.valid("param").id,
    );
    if (!row) throw new AppError("not_found", "No import with this id in this workspace.");
    return c.json(toContactImport(row), 200);
  });
