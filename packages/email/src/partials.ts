/**
 * Partials: MJML blocks saved once per workspace (a header, a footer) and pulled into templates
 * with `<mj-include path="footer" />`, resolved from the workspace's partials (not files).
 */

/** A partial's saved content, in the version a send uses. */
export interface PartialSource {
  version: number;
  mjml: string;
}

/** An `<mj-include>` that names no partial of the workspace, or includes itself. */
export interface IncludeIssue {
  line: number;
  message: string;
}

const INCLUDE = /<mj-include\s+path\s*=\s*(["'])([^"']+)\1[^>]*?(?:\/>|>\s*<\/mj-include\s*>)/gi;
const MAX_DEPTH = 5;

/** `./footer.mjml` → `footer`. */
export function partialName(path: string): string {
  return path
    .trim()
    .replace(/^\.\//, "")
    .replace(/\.mjml$/i, "");
}

/** The partial names a template includes (directly). */
export function includedPartials(mjml: string): string[] {
  return [...mjml.matchAll(INCLUDE)].map((m) => partialName(m[2] ?? ""));
}

/**
 * Replaces every `<mj-include path="name" />` with the partial's MJML (nested up to 5 deep).
 * `used` lists `name@version` of every partial taken, for the render cache key. With
 * `keepLines`, each partial goes in on its include's line (newlines become spaces), so MJML
 * errors keep the template's line numbers (validation only).
 */
export function expandIncludes(
  mjml: string,
  partials: ReadonlyMap<string, PartialSource>,
  options: { keepLines?: boolean } = {},
): { mjml: string; used: string[]; issues: IncludeIssue[] } {
  const used = new Set<string>();
  const issues: IncludeIssue[] = [];
  const expand = (text: string, stack: readonly string[], topLine: number | null): string =>
    text.replace(INCLUDE, (_whole, _q: string, path: string, offset: number) => {
      const line = topLine ?? text.slice(0, offset).split("\n").length;
      const name = partialName(path);
      const partial = partials.get(name);
      if (!partial) {
        issues.push({ line, message: `There is no partial named “${name}”.` });
        return "";
      }
      if (stack.includes(name) || stack.length >= MAX_DEPTH) {
        issues.push({ line, message: `The partial “${name}” includes itself.` });
        return "";
      }
      used.add(`${name}@${partial.version}`);
      const inner = expand(partial.mjml, [...stack, name], line);
      return options.keepLines ? inner.replace(/\r?\n/g, " ") : inner;
    });
  const out = expand(mjml, [], null);
  return { mjml: out, used: [...used].sort(), issues };
}
