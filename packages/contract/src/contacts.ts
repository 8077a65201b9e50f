import { z } from "zod";

/** Consent per channel (`email`, `sms`, `whatsapp`…): absent means "never asked". */
export const ConsentState = z.enum(["subscribed", "unsubscribed"]);
export const Consent = z.record(z.string().min(1).max(40), ConsentState).meta({ id: "Consent" });

const Text = (max: number) => z.string().trim().max(max);

/** A row of the contacts list. */
export const ContactSummary = z
  .object({
    id: z.uuid(),
    userId: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    name: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    tags: z.array(z.string()),
    source: z.string().nullable(),
    lifetimeRevenue: z.string().meta({ description: "Decimal as a string.", example: "1250.00" }),
    orderCount: z.number().int(),
    firstSeenAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    stageEnteredAt: z.iso.datetime().nullable().optional().meta({
      description: "Only with the `stage` filter: when the contact entered that stage.",
    }),
  })
  .meta({ id: "ContactSummary" });
export type ContactSummary = z.infer<typeof ContactSummary>;

export const ContactList = z
  .object({
    data: z.array(ContactSummary),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  })
  .meta({ id: "ContactList" });
export type ContactList = z.infer<typeof ContactList>;

const Uuid = z.uuid();
const Datetime = z.iso.datetime({ offset: true });

/** Filters shared by the list and the CSV export. */
export const ContactFilters = z.object({
  q: Text(200)
    .min(1)
    .optional()
    .meta({ description: "Part of a name, email or phone number.", example: "ivanova" }),
  funnel: Uuid.optional().meta({ description: "Contacts in any stage of this funnel." }),
  stage: Uuid.optional().meta({ description: "Contacts currently in this stage." }),
  tag: Text(100).min(1).optional(),
  source: Text(100).min(1).optional().meta({ example: "web_form" }),
  consent: z
    .string()
    .regex(/^[a-z0-9_]{1,40}=(subscribed|unsubscribed)$/, "Use channel=subscribed")
    .optional()
    .meta({ description: "`channel=subscribed|unsubscribed`", example: "email=subscribed" }),
  lastSeenAfter: Datetime.optional(),
  lastSeenBefore: Datetime.optional(),
});
export type ContactFilters = z.infer<typeof ContactFilters>;

export const ContactListQuery = ContactFilters.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .max(300)
    .optional()
    .meta({ description: "`nextCursor` of the previous page." }),
});

export const ContactIdentity = z.object({ kind: z.string(), value: z.string() });

export const ContactStageNow = z.object({
  funnelId: z.uuid(),
  funnelName: z.string(),
  stageId: z.uuid(),
  stageName: z.string(),
  stageKind: z.enum(["open", "won", "lost"]),
  enteredAt: z.iso.datetime(),
  lostReason: z.string().nullable(),
  lostNote: z.string().nullable(),
});

/** One entry of a contact's timeline: an event, a stage move or a lead. */
export const TimelineItem = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("event"),
      id: z.string(),
      at: z.iso.datetime(),
      type: z.string(),
      name: z.string().nullable(),
      properties: z.record(z.string(), z.unknown()),
    }),
    z.object({
      kind: z.literal("stage_move"),
      id: z.string(),
      at: z.iso.datetime(),
      funnelId: z.uuid(),
      fromStage: z.string().nullable(),
      toStage: z.string(),
      cause: z.string(),
      lostReason: z.string().nullable(),
      lostNote: z.string().nullable(),
    }),
    z.object({
      kind: z.literal("lead"),
      id: z.string(),
      at: z.iso.datetime(),
      channel: z.string(),
      utm: z.record(z.string(), z.string()),
    }),
  ])
  .meta({ id: "TimelineItem" });
export type TimelineItem = z.infer<typeof TimelineItem>;

export const Timeline = z
  .object({ data: z.array(TimelineItem), nextCursor: z.string().nullable() })
  .meta({ id: "Timeline" });
export type Timeline = z.infer<typeof Timeline>;

/** The contact card. */
export const ContactCard = ContactSummary.extend({
  gender: z.string().nullable(),
  birthday: z.iso.date().nullable(),
  timeZone: z.string().nullable(),
  preferredChannel: z.string().nullable(),
  handles: z.record(z.string(), z.string()),
  consent: z.record(z.string(), z.string()),
  traits: z.record(z.string(), z.unknown()),
  identities: z.array(ContactIdentity),
  stages: z.array(ContactStageNow),
  timeline: Timeline,
}).meta({ id: "ContactCard" });
export type ContactCard = z.infer<typeof ContactCard>;

const Tag = Text(100).min(1);
const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "Unknown IANA time zone");

/** Profile fields a user may edit; `null` clears a field. */
export const ContactProfile = z.object({
  firstName: Text(200).nullable().optional(),
  lastName: Text(200).nullable().optional(),
  name: Text(200).nullable().optional(),
  gender: Text(40).nullable().optional(),
  birthday: z.iso.date().nullable().optional(),
  city: Text(200).nullable().optional(),
  country: Text(100).nullable().optional(),
  timeZone: TimeZone.nullable().optional(),
  preferredChannel: Text(40).nullable().optional(),
  tags: z.array(Tag).max(100).optional().meta({ description: "Replaces the tags." }),
  consent: Consent.optional().meta({ description: "Merged into the contact's consent." }),
  traits: z
    .record(z.string().min(1).max(100), z.unknown())
    .optional()
    .meta({ description: "Merged into the traits; a key set to null is removed." }),
});

export const UpdateContactBody = ContactProfile.extend({
  email: z.email().nullable().optional(),
  phone: Text(40).nullable().optional(),
})
  .strict()
  .meta({ id: "UpdateContactBody" });
export type UpdateContactBody = z.infer<typeof UpdateContactBody>;

export const UpsertContactBody = ContactProfile.extend({
  email: z.email().optional(),
  phone: Text(40).min(1).optional(),
  userId: Text(255).min(1).optional(),
  source: Text(100).min(1).optional(),
})
  .strict()
  .refine((b) => b.email || b.phone || b.userId, {
    message: "Give at least one of email, phone or userId.",
    path: ["email"],
  })
  .meta({ id: "UpsertContactBody" });
export type UpsertContactBody = z.infer<typeof UpsertContactBody>;

/** Contact fields a CSV column can fill (besides `traits.<key>`). */
export const ImportProfileField = z.enum([
  "email",
  "phone",
  "userId",
  "firstName",
  "lastName",
  "name",
  "city",
  "country",
  "birthday",
  "gender",
  "tags",
  "timeZone",
]);
export type ImportProfileField = z.infer<typeof ImportProfileField>;

/** Where a CSV column goes. */
export const ImportField = z.union([
  ImportProfileField,
  z.string().regex(/^traits\.[A-Za-z0-9_-]{1,64}$/, "Use traits.<key>"),
]);
export type ImportField = z.infer<typeof ImportField>;

/** CSV column header → field. Columns not named are ignored. */
export const ImportMapping = z
  .record(z.string().min(1).max(200), ImportField)
  .refine((m) => Object.keys(m).length > 0, "Map at least one column.")
  .refine(
    (m) => Object.values(m).some((f) => f === "email" || f === "phone" || f === "userId"),
    "Map a column to email, phone or userId: contacts are matched by them.",
  );
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportStatus = z.enum(["pending", "running", "done", "failed"]);

export const ContactImport = z
  .object({
    id: z.uuid(),
    status: ImportStatus,
    fileName: z.string(),
    mapping: z.record(z.string(), z.string()),
    totalRows: z.number().int().nullable(),
    processedRows: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.number().int(),
    report: z.array(z.object({ row: z.number().int(), reason: z.string() })),
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ContactImport" });
export type ContactImport = z.infer<typeof ContactImport>;

export const ContactImportList = z.object({ data: z.array(ContactImport) });
export type ContactImportList = z.infer<typeof ContactImportList>;
