import { locale } from "../i18n/index.ts";
import { catalogueEntry } from "./graph.ts";
import { nodeStrings, stepTextRu } from "./strings.ts";

/** A step kind's name in this page load's language ("Send email" / "Отправить письмо"). */
export function stepLabel(type: string): string {
  const english = catalogueEntry(type)?.label ?? type;
  return locale() === "ru" ? (stepTextRu[type]?.label ?? english) : english;
}

/** A step kind's one-line description in this page load's language. */
export function stepDescription(type: string): string {
  const english = catalogueEntry(type)?.description ?? "";
  return locale() === "ru" ? (stepTextRu[type]?.description ?? english) : english;
}

/** The label shown beside an output handle; split branches keep their own names. */
export function handleLabel(id: string, fallback: string): string {
  return nodeStrings.handles[id] ?? fallback;
}
