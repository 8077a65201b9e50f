import { z } from "zod";

/** Identifier of a node, edge, template, funnel… — any non-empty string chosen by the editor. */
export const Id = z.string().min(1);
export type Id = z.infer<typeof Id>;

/** A JSON scalar a marketer can type into a rule (`plan = "pro"`, `age > 30`). */
export const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof Scalar>;

/** Units a marketer thinks in. Days and weeks are calendar units in the contact's time zone. */
export const DurationUnit = z.enum(["minutes", "hours", "days", "weeks"]);
export type DurationUnit = z.infer<typeof DurationUnit>;

/** A positive span of time, e.g. `{ amount: 3, unit: "days" }`. */
export const Duration = z.object({
  amount: z.number().positive(),
  unit: DurationUnit,
});
export type Duration = z.infer<typeof Duration>;

/** A signed span: `-3 days` means "three days before" a date attribute. */
export const Offset = z.object({
  amount: z.number().int(),
  unit: DurationUnit,
});
export type Offset = z.infer<typeof Offset>;

/** A local wall-clock time `"HH:MM"` (24-hour), read in the contact's time zone. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM (24-hour)");
export type ClockTime = z.infer<typeof ClockTime>;

/** Day of week, Monday first as marketers in most of our markets expect. */
export const Weekday = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
export type Weekday = z.infer<typeof Weekday>;

/** Channels a contact can be messaged on; each has its own consent. */
export const MessageChannel = z.enum(["sms", "telegram", "whatsapp", "viber"]);
export type MessageChannel = z.infer<typeof MessageChannel>;

/**
 * What a send-message node sends on: a channel, or `preferred` — the contact's preferred
 * channel, resolved by the dispatcher when the message goes out.
 */
export const SendChannel = z.enum([...MessageChannel.options, "preferred"]);
export type SendChannel = z.infer<typeof SendChannel>;

/** Every outbound channel, for consent and engagement rules. */
export const Channel = z.enum(["email", ...MessageChannel.options]);
export type Channel = z.infer<typeof Channel>;

/** Where a lead came from. */
export const LeadChannel = z.enum([
  "web-form",
  "telegram",
  "whatsapp",
  "viber",
  "phone",
  "chat",
  "email",
  "api",
]);
export type LeadChannel = z.infer<typeof LeadChannel>;

const MS: Record<DurationUnit, number> = {
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
};

/** Nominal length in milliseconds (calendar units assume 24-hour days; see time/zoned.ts). */
export function durationMs(d: { amount: number; unit: DurationUnit }): number {
  return d.amount * MS[d.unit];
}

/** Minutes since local midnight for an `"HH:MM"` string already checked by {@link ClockTime}. */
export function clockMinutes(t: string): number {
  // Char codes, not slicing and Number(): this runs for every send under quiet hours.
  const hours = (t.charCodeAt(0) - 48) * 10 + t.charCodeAt(1) - 48;
  return hours * 60 + (t.charCodeAt(3) - 48) * 10 + t.charCodeAt(4) - 48;
}
