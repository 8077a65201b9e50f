import { intlLocale } from "../i18n/index.ts";
import type { BranchStat } from "./editor-context.ts";

const percent = new Intl.NumberFormat(intlLocale(), {
  style: "percent",
  maximumFractionDigits: 1,
});

/** An arm's conversion rate (converted / entered) as a percent, or a dash when nobody entered. */
export function conversionRate(stat: BranchStat): string {
  return stat.entered > 0 ? percent.format(stat.converted / stat.entered) : "—";
}
