import { AppError, sha256 } from "@voronka/core";
import { captureLead, type Identity, identity, pickUtm, type Utm } from "@voronka/db";
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../env.ts";
import { statusOf } from "../../errors.ts";
import { parseSettings } from "./dto.ts";
import { embedScript } from "./embed-script.ts";
import { formPage } from "./form-page.ts";
import { TokenBuckets } from "./rate-limit.ts";
import { clientIp, invalidPayload, parseJsonBody, publicSource } from "./webhook-support.ts";

/** Per client IP and form: a burst of 10 submissions, then 10 a minute. */
export const formLimiter = new TokenBuckets(10, 10);

const Text = (max: number) => z.string().trim().max(max).optional();
/** What a form may post. Unknown fields are kept on the lead's payload, not on the contact. */
const FormSubmission = z.object({
  name: Text(200),
  first_name: Text(100),
  last_name: Text(100),
  email: Text(254),
  phone: Text(40),
  message: Text(5000),
  page_url: Text(2000),
  submission_id: Text(100),
  website: z.string().optional(),
});

const DEFAULT_THANKS = "Thank you! We will be in touch soon.";

/** Form fields as strings, from JSON, urlencoded or multipart bodies. */
async function readFields(c: Context<AppEnv>): Promise<Record<string, string>> {
  const type = c.req.header("content-type")?.toLowerCase() ?? "";
  let raw: unknown;
  if (
    type.startsWith("application/x-www-form-urlencoded") ||
    type.startsWith("multipart/form-data")
  ) {
    raw = await c.req.parseBody();
  } else {
    // JSON, and text/plain (what a `no-cors` fetch or sendBeacon can send).
    raw = parseJsonBody(await c.req.text());
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    throw new AppError("bad_request", "Send the form fields as an object.");
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string") fields[key] = value;
    else if (typeof value === "number" || typeof value === "boolean") fields[key] = String(value);
  }
  return fields;
}

/** UTM from the posted fields, else the page URL's query, else the Referer's. */
function utmOf(
  fields: Record<string, string>,
  pageUrl: string | undefined,
  referer: string | undefined,
): Utm {
  const fromUrl = (url: string | undefined): Utm => {
    if (!url) return {};
    try {
      const params = new URL(url).searchParams;
      return pickUtm((k) => params.get(k) ?? undefined);
    } catch {
      return {};
    }
  };
  return { ...fromUrl(referer), ...fromUrl(pageUrl), ...pickUtm((k) => fields[k]) };
}

function fail(path: string, message: string): AppError {
  return new AppError("validation_failed", message, { details: [{ path, message }] });
}

async function submit(c: Context<AppEnv>, wantsHtml: boolean): Promise<Response> {
  const source = await publicSource(c, "web_form");
  const settings = parseSettings(source.settings);
  if (!formLimiter.take(`${clientIp(c)}|${source.id}`)) {
    throw new AppError(
      "rate_limited",
      "Too many submissions from this address; try again in a minute.",
    );
  }
  const fields = await readFields(c);
  const parsed = FormSubmission.safeParse(fields);
  if (!parsed.success) throw invalidPayload("form", parsed.error);
  const form = parsed.data;
  const thanks = settings.thankYouText ?? DEFAULT_THANKS;
  const success = (duplicate: boolean) => {
    if (!wantsHtml) return c.json({ success: true as const, duplicate }, 200);
    if (settings.redirectUrl) return c.redirect(settings.redirectUrl, 303);
    return formPage(c, 200, thanks);
  };
  // A bot filled the field humans never see: look successful, keep nothing.
  if (form.website) return success(false);

  const email = form.email ? identity("email", form.email) : undefined;
  if (form.email && !email) throw fail("email", "The email address is not valid.");
  const phone = form.phone ? identity("phone", form.phone) : undefined;
  if (form.phone && !phone) throw fail("phone", "The phone number is not valid.");
  if (!email && !phone) throw fail("email", "Give an email address or a phone number.");

  const referer = c.req.header("referer");
  const utm = utmOf(fields, form.page_url, referer);
  const name =
    form.name || [form.first_name, form.last_name].filter(Boolean).join(" ") || undefined;
  const contactKey = [email?.value, phone?.value, name, form.message].join("\u0000");
  // A form has no delivery id: the script sends one per submission; a plain form post is
  // recognised by its content within a 10-minute window (a double click, a browser re-post).
  const dedupeKey = form.submission_id
    ? `${source.id}:sub:${form.submission_id}`
    : `${source.id}:h:${sha256(`${contactKey}\u0000${Math.floor(Date.now() / 600_000)}`)}`;
  const known = new Set([
    ...Object.keys(FormSubmission.shape),
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
  ]);
  const extra = Object.fromEntries(
    Object.entries(fields)
      .filter(([k]) => !known.has(k))
      .slice(0, 50),
  );
  const result = await captureLead(c.get("deps").db, source.workspaceId, {
    source,
    channel: "web_form",
    dedupeKey,
    identities: [email, phone].filter((i): i is Identity => !!i),
    patch: {
      name,
      firstName: form.first_name || undefined,
      lastName: form.last_name || undefined,
      email: email?.value,
      phone: phone?.value,
    },
    utm,
    payload: { ...form, website: undefined, fields: extra, referer: referer ?? null },
    properties: {
      ...(form.message ? { message: form.message } : {}),
      ...(form.page_url ? { pageUrl: form.page_url } : {}),
    },
    context: {
      ip: clientIp(c),
      userAgent: c.req.header("user-agent") ?? null,
      ...(form.page_url ? { page: { url: form.page_url } } : {}),
    },
  });
  return success(result.duplicate);
}

/** Public web-form endpoints: the form post and the embeddable script. */
export const formRoutes = new Hono<AppEnv>()
  .post("/v1/leads/forms/:publicId", async (c) => {
    // A browser's own form navigation asks for HTML; fetch() does not.
    const wantsHtml = (c.req.header("accept") ?? "").includes("text/html");
    try {
      return await submit(c, wantsHtml);
    } catch (err) {
      if (!wantsHtml || !(err instanceof AppError)) throw err;
      const message =
        err.code === "validation_failed" && err.details?.[0] ? err.details[0].message : err.message;
      return formPage(c, statusOf(err.code), message);
    }
  })
  .get("/v1/leads/forms/:publicId/embed.js", async (c) => {
    const source = await publicSource(c, "web_form");
    c.header("content-type", "application/javascript; charset=utf-8");
    c.header("cache-control", "public, max-age=300");
    return c.body(embedScript(source.publicId, parseSettings(source.settings)));
  });
