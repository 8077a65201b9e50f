import { localized } from "../../../i18n/index.ts";

/** Russian word form for `n`: 1 день, 2 дня, 5 дней. */
function ru(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return `${n} ${one}`;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${n} ${few}`;
  return `${n} ${many}`;
}

const RU_UNITS: Record<string, [string, string, string]> = {
  minutes: ["минуту", "минуты", "минут"],
  hours: ["час", "часа", "часов"],
  days: ["день", "дня", "дней"],
  weeks: ["неделю", "недели", "недель"],
};

/** The one-line description of a condition on the canvas. */
export const summaryStrings = localized({
  en: {
    ifRule: (rule: string) => `If ${rule}`,
    all: (n: number) => `If all ${n} rules hold`,
    any: (n: number) => `If any of ${n} rules holds`,
    not: "If a rule does not hold",
    window: (amount: number, unit: string) =>
      `in the last ${amount} ${amount === 1 ? unit.replace(/s$/, "") : unit}`,
    event: (event: string, op: string, count: number, within: string | null) =>
      `${event} ${op} ${count}× ${within ?? "ever"}`,
    stage: (n: number) => `in ${n === 1 ? "a chosen stage" : `one of ${n} stages`}`,
    stageLost: "lost in the funnel",
    consent: (channel: string) => `agreed to ${channel}`,
  },
  ru: {
    ifRule: (rule: string) => `Если ${rule}`,
    all: (n: number) => `Если верны все правила (${n})`,
    any: (n: number) => `Если верно одно из правил (${n})`,
    not: "Если правило не выполняется",
    window: (amount: number, unit: string) => {
      const f = RU_UNITS[unit];
      return `за ${f ? ru(amount, ...f) : `${amount} ${unit}`}`;
    },
    event: (event: string, op: string, count: number, within: string | null) =>
      `${event} ${op} ${count} раз ${within ?? "за всё время"}`,
    stage: (n: number) => (n === 1 ? "на выбранном этапе" : `на одном из этапов (${n})`),
    stageLost: "потерян в воронке",
    consent: (channel: string) => `согласие на ${channel}`,
  },
});
