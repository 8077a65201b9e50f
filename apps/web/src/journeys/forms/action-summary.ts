import { formStrings as f } from "./form-strings.ts";
import { moreSummary } from "./more-summary.ts";

const CHANNELS: Readonly<Record<string, string>> = f.channels;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The canvas line of the action steps that have a form here, or null (nothing to say yet). */
export function actionSummary(type: string, data: Record<string, unknown>): string | null {
  switch (type) {
    case "promo-code": {
      if (typeof data.discountPercent !== "number") return null;
      const v = data.validFor;
      const valid =
        isObject(v) && typeof v.amount === "number" && typeof v.unit === "string"
          ? f.validForShort(v.amount, v.unit)
          : null;
      return f.promoSummary(data.discountPercent, valid);
    }
    case "send-message": {
      const channel = typeof data.channel === "string" ? data.channel : "";
      const label = CHANNELS[channel];
      if (!label) return null;
      const text = typeof data.text === "string" ? data.text : "";
      return text ? `${label}: ${text}` : label;
    }
    default:
      return moreSummary(type, data);
  }
}
