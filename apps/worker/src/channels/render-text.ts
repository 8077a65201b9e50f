import type { RenderContext } from "@voronka/email";
import { Liquid, type Template } from "liquidjs";

/**
 * Liquid for messenger and SMS text, with the limits and the variables of email templates
 * (`{{ contact.firstName }}`, `{{ vars.promoCode }}`), so a marketer writes both alike. Plain
 * text: no HTML escaping (messengers show text as typed).
 */
const liquid = new Liquid({
  ownPropertyOnly: true,
  parseLimit: 100_000,
  renderLimit: 1_000,
  memoryLimit: 4_000_000,
});

const MAX_CACHED = 1_000;
const cache = new Map<string, Template[]>();

function parsed(source: string): Template[] {
  const hit = cache.get(source);
  if (hit) return hit;
  const fresh = liquid.parse(source);
  cache.set(source, fresh);
  if (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return fresh;
}

/** What message text may use: the email render context without the unsubscribe link. */
export type TextContext = Pick<RenderContext, "contact" | "vars">;

/** Renders message text for one contact; throws on a Liquid syntax error. */
export async function renderText(source: string, ctx: TextContext): Promise<string> {
  const out = await liquid.render(parsed(source), { contact: ctx.contact, vars: ctx.vars });
  return String(out).trim();
}
