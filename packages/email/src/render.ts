import { Liquid, type Template } from "liquidjs";
import mjml2html from "mjml";
import { expandIncludes, type PartialSource } from "./partials.ts";
import { htmlToText, tidyText } from "./text.ts";

/** One version of a template: what the marketer wrote. */
export interface TemplateSource {
  /** Unique per immutable version (`<workspace>:<template>:<version>`): the cache key. */
  cacheKey: string;
  subject: string;
  preheader: string;
  mjml: string;
}

/** What a template may use: `{{ contact.firstName }}`, `{{ vars.promo_code }}`, `{{ unsubscribe_url }}`. */
export interface RenderContext {
  contact: {
    id: string;
    email: string | null;
    firstName: string | null;
    lastName: string | null;
    name: string | null;
    phone: string | null;
    city: string | null;
    country: string | null;
    traits: Record<string, unknown>;
  };
  vars: Record<string, string>;
  unsubscribeUrl: string;
}

export interface RenderedEmail {
  subject: string;
  preheader: string;
  html: string;
  text: string;
}

/** A problem in a template, with the line it is on when known. */
export interface TemplateIssue {
  path: "mjml" | "subject" | "preheader";
  line: number | null;
  message: string;
}

const LIMITS = { parseLimit: 1_000_000, renderLimit: 2_000, memoryLimit: 16_000_000 };
// HTML output escapes every value by default: personal data can never inject markup. A
// template that means to output HTML from a variable says so with `| raw`.
const htmlLiquid = new Liquid({ outputEscape: "escape", ownPropertyOnly: true, ...LIMITS });
// The subject is a header, not HTML: values go in as typed (nodemailer encodes the header).
const textLiquid = new Liquid({ ownPropertyOnly: true, ...LIMITS });

interface Compiled {
  html: Template[];
  subject: Template[];
  preheader: Template[];
  /** The plain-text part as a Liquid template; null when it must come from each HTML. */
  text: Template[] | null;
}

const MAX_CACHED = 1_000;
const cache = new Map<string, Promise<Compiled>>();

async function compile(source: TemplateSource): Promise<Compiled> {
  const out = await mjml2html(source.mjml, { validationLevel: "soft", ignoreIncludes: true });
  return {
    html: htmlLiquid.parse(out.html),
    subject: textLiquid.parse(source.subject),
    preheader: htmlLiquid.parse(source.preheader),
    text: textTemplate(withPreheader(out.html, source.preheader)),
  };
}

// Liquid markup stands in the HTML as letters only, so converting it to text keeps it whole.
const LIQUID_SPAN = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const PLACEHOLDER = /zqvkliquid(\d+)qz/gi;

/**
 * The plain-text part of a template version as a Liquid template: its HTML (with the Liquid
 * markup set aside) converted to text once, then rendered per contact without HTML escaping.
 * Converting every rendered HTML instead costs more than the rest of rendering together.
 * Null when the markup does not survive the conversion intact (e.g. a tag inside an attribute
 * that the text drops): then each rendered HTML is converted.
 */
function textTemplate(html: string): Template[] | null {
  const spans: string[] = [];
  const marked = html.replace(LIQUID_SPAN, (span) => `zqvkliquid${spans.push(span) - 1}qz`);
  const converted = htmlToText(marked);
  const seen = new Set<number>();
  const restored = converted.replace(PLACEHOLDER, (_m, n: string) => {
    seen.add(Number(n));
    return spans[Number(n)] ?? "";
  });
  if (seen.size !== spans.length) return null;
  try {
    return textLiquid.parse(restored);
  } catch {
    return null;
  }
}

/** MJML compiled and Liquid parsed once per template version; evicts the oldest past 1,000. */
function compiled(source: TemplateSource): Promise<Compiled> {
  const hit = cache.get(source.cacheKey);
  if (hit) return hit;
  const fresh = compile(source);
  fresh.catch(() => cache.delete(source.cacheKey));
  cache.set(source.cacheKey, fresh);
  if (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return fresh;
}

function scope(ctx: RenderContext) {
  return { contact: ctx.contact, vars: ctx.vars, unsubscribe_url: ctx.unsubscribeUrl };
}

/** Renders one email for one contact: subject, preheader, HTML and its plain-text part. */
export async function renderEmail(
  source: TemplateSource,
  ctx: RenderContext,
  options: { subjectOverride?: string | undefined } = {},
): Promise<RenderedEmail> {
  const c = await compiled(source);
  const s = scope(ctx);
  const subjectTpl = options.subjectOverride
    ? textLiquid.parse(options.subjectOverride)
    : c.subject;
  const subject = String(textLiquid.renderSync(subjectTpl, s));
  const preheader = String(htmlLiquid.renderSync(c.preheader, s));
  const html = withPreheader(String(htmlLiquid.renderSync(c.html, s)), preheader);
  const text = c.text ? tidyText(String(textLiquid.renderSync(c.text, s))) : htmlToText(html);
  const oneLine = subject.replace(/[\r\n]+/g, " ").trim();
  return { subject: oneLine, preheader, html, text };
}

// The preheader is the grey line after the subject in an inbox: hidden text first in the body.
function withPreheader(html: string, preheader: string): string {
  if (!preheader.trim()) return html;
  const hidden = `<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all">${preheader}</div>`;
  return html.replace(/<body[^>]*>/i, (tag) => `${tag}${hidden}`);
}

/**
 * Checks MJML and Liquid; returns problems with line numbers instead of throwing. Includes are
 * resolved from `partials` (an unknown one is an issue on its line); errors inside a partial
 * are reported on the line of its include.
 */
export async function validateTemplate(
  source: Omit<TemplateSource, "cacheKey">,
  partials: ReadonlyMap<string, PartialSource> = new Map(),
): Promise<TemplateIssue[]> {
  const issues: TemplateIssue[] = [];
  const expanded = expandIncludes(source.mjml, partials, { keepLines: true });
  for (const i of expanded.issues) issues.push({ path: "mjml", ...i });
  const mjml = expanded.mjml;
  try {
    const out = await mjml2html(mjml, { validationLevel: "soft", ignoreIncludes: true });
    for (const e of out.errors) issues.push({ path: "mjml", line: e.line, message: e.message });
    if (!/<mjml[\s>]/i.test(mjml)) {
      issues.push({ path: "mjml", line: 1, message: "The template must start with <mjml>." });
    }
  } catch (err) {
    issues.push({ path: "mjml", line: null, message: messageOf(err) });
  }
  for (const path of ["mjml", "subject", "preheader"] as const) {
    try {
      htmlLiquid.parse(path === "mjml" ? mjml : source[path]);
    } catch (err) {
      issues.push({ path, line: lineOf(err), message: messageOf(err) });
    }
  }
  return issues;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? (err.message.split("\n")[0] ?? "invalid") : String(err);
}

function lineOf(err: unknown): number | null {
  const m = err instanceof Error ? /line:(\d+)/.exec(err.message) : null;
  return m?.[1] ? Number(m[1]) : null;
}

/**
 * Checks a partial on its own: Liquid, and MJML as blocks of a body (`<mj-section>`,
 * `<mj-wrapper>`, …), with the partial's own line numbers.
 */
export async function validatePartial(
  mjml: string,
  partials: ReadonlyMap<string, PartialSource> = new Map(),
): Promise<TemplateIssue[]> {
  const issues = await validateTemplate(
    { subject: "x", preheader: "", mjml: `<mjml><mj-body>${mjml}\n</mj-body></mjml>` },
    partials,
  );
  return issues;
}
