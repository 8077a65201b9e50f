import { journeySettingsStrings as t } from "./strings.ts";

export type Unit = "minutes" | "hours" | "days" | "weeks";
export const UNITS: readonly Unit[] = ["minutes", "hours", "days", "weeks"];

/** The quiet hours and send limit of a journey, as the settings form holds them. */
export interface SettingsForm {
  quiet: boolean;
  from: string;
  to: string;
  cap: boolean;
  max: string;
  perAmount: string;
  perUnit: Unit;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isUnit = (value: unknown): value is Unit => UNITS.includes(value as Unit); // checked by includes
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The form for a journey's `settings` (carried as the draft has it, so read defensively). */
export function toForm(settings: unknown): SettingsForm {
  const s = isObject(settings) ? settings : {};
  const quiet = isObject(s.quietHours) ? s.quietHours : null;
  const cap = isObject(s.frequencyCap) ? s.frequencyCap : null;
  const per = cap && isObject(cap.per) ? cap.per : null;
  return {
    quiet: quiet !== null,
    from: typeof quiet?.from === "string" ? quiet.from : "21:00",
    to: typeof quiet?.to === "string" ? quiet.to : "08:00",
    cap: cap !== null,
    max: typeof cap?.max === "number" ? String(cap.max) : "3",
    perAmount: typeof per?.amount === "number" ? String(per.amount) : "1",
    perUnit: isUnit(per?.unit) ? per.unit : "days",
  };
}

/** What is wrong with the form, in plain words; empty when it can be saved. */
export function formProblems(f: SettingsForm): string[] {
  const problems: string[] = [];
  if (f.quiet && !(CLOCK.test(f.from) && CLOCK.test(f.to))) problems.push(t.badTime);
  if (f.cap && !(Number.isInteger(Number(f.max)) && Number(f.max) >= 1 && f.max.trim() !== ""))
    problems.push(t.badMax);
  if (f.cap && !(Number(f.perAmount) > 0)) problems.push(t.badPer);
  return problems;
}

/**
 * The journey's settings with the form applied: quiet hours and the send limit set or removed,
 * everything else (re-entry, exit events) kept as it was.
 */
export function applyForm(settings: unknown, f: SettingsForm): Record<string, unknown> {
  const rest = { ...(isObject(settings) ? settings : {}) };
  delete rest.quietHours;
  delete rest.frequencyCap;
  return {
    ...rest,
    ...(f.quiet ? { quietHours: { from: f.from, to: f.to } } : {}),
    ...(f.cap
      ? {
          frequencyCap: {
            max: Number(f.max),
            per: { amount: Number(f.perAmount), unit: f.perUnit },
          },
        }
      : {}),
  };
}

/** One line saying what the settings hold back, for the canvas. */
export function settingsSummary(settings: unknown): string {
  const f = toForm(settings);
  const parts = [
    f.quiet ? t.quietSummary(f.from, f.to) : null,
    f.cap ? t.capSummary(Number(f.max), t.per(Number(f.perAmount), f.perUnit)) : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(" · ") : t.none;
}
