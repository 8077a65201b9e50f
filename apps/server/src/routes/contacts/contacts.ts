import { createRoute, z } from "@hono/zod-openapi";
import {
  type ContactCard,
  ContactCard as ContactCardSchema,
  ContactJourneyList,
  ContactList,
  ContactListQuery,
  Timeline,
  UpdateContactBody,
  UpsertContactBody,
} from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  contactJourneys,
  contactTimeline,
  type Db,
  editContact,
  getContactCard,
  listContacts,
  liveContactId,
  type Tx,
  upsertContact,
} from "@voronka/db";
import { requireAuth } from "../../middleware/auth.ts";
import {
  authErrors,
  badRequest,
  conflictResponse,
  json,
  notFoundResponse,
  router,
  secured,
} from "../../openapi.ts";
import { toContactJourney, toContactSummary, toTimelineItem } from "./dto.ts";

const base = { tags: ["Contacts"], middleware: [requireAuth], security: secured };
const Params = z.object({ id: z.uuid() });
const TIMELINE_PAGE = 50;
const JOURNEYS_LIMIT = 100;
const MERGED_NOTE =
  "An id of a contact that was merged into another answers with the surviving contact: " +
  "the `id` in the response is then the survivor's.";

/** The live contact behind an id of this workspace, or a 404 that tells nothing more. */
async function live(db: Db | Tx, workspaceId: string, id: string): Promise<string> {
  const found = await liveContactId(db, workspaceId, id);
  if (!found) throw new AppError("not_found", "No contact with this id in this workspace.");
  return found;
}

async function loadCard(db: Db, workspaceId: string, id: string): Promise<ContactCard> {
  const card = await getContactCard(db, workspaceId, id);
  if (!card) throw new AppError("not_found", "No contact with this id in this workspace.");
  const timeline = await contactTimeline(db, workspaceId, id, { limit: TIMELINE_PAGE });
  const c = card.contact;
  return {
    ...toContactSummary(c),
    gender: c.gender,
    birthday: c.birthday,
    timeZone: c.timeZone,
    preferredChannel: c.preferredChannel,
    handles: c.handles,
    consent: Object.fromEntries(
      Object.entries(c.consent).flatMap(([channel, state]) => (state ? [[channel, state]] : [])),
    ),
    traits: c.traits,
    identities: card.identities,
    stages: card.stages.map((s) => ({ ...s, enteredAt: s.enteredAt.toISOString() })),
    timeline: {
      data: timeline.entries.map(toTimelineItem),
      nextCursor: timeline.nextCursor,
    },
  };
}

const list = createRoute({
  ...base,
  method: "get",
  path: "/api/contacts",
  summary: "List contacts",
  description:
    "Live contacts, most recently seen first, with filters. Pages by an opaque `cursor` (keyset: " +
    "every page costs the same; there is no total count). A contact seen again while you page " +
    "moves to the top and is not repeated.",
  request: { query: ContactListQuery },
  responses: { 200: json(ContactList, "A page of contacts."), ...badRequest, ...authErrors },
});

const card = createRoute({
  ...base,
  method: "get",
  path: "/api/contacts/{id}",
  summary: "A contact's card",
  description: `Profile, consent, handles, traits, identities, current stage per funnel and the first ${TIMELINE_PAGE} timeline entries (events, stage moves, leads; newest first). ${MERGED_NOTE}`,
  request: { params: Params },
  responses: {
    200: json(ContactCardSchema, "The card."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const timeline = createRoute({
  ...base,
  method: "get",
  path: "/api/contacts/{id}/timeline",
  summary: "A page of a contact's timeline",
  description: `Events, stage moves and leads, newest first; pass \`nextCursor\` as \`cursor\`. ${MERGED_NOTE}`,
  request: {
    params: Params,
    query: z.object({
      cursor: z.string().max(300).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(TIMELINE_PAGE),
    }),
  },
  responses: {
    200: json(Timeline, "Timeline entries."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const journeys = createRoute({
  ...base,
  method: "get",
  path: "/api/contacts/{id}/journeys",
  summary: "The journeys a contact is in, and where",
  description: `Every run of the contact through a journey (up to ${JOURNEYS_LIMIT}), runs still going first, newest first: the journey and version, the run's status (\`active\`, \`waiting\`, \`completed\` — reached the end of a path, \`converted\` — reached a goal, \`exited\` — left early), the step it is at (or ended at) with its kind in plain words, when it entered, until when it waits, and when it last moved. ${MERGED_NOTE}`,
  request: { params: Params },
  responses: {
    200: json(ContactJourneyList, "The contact's journey runs."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const update = createRoute({
  ...base,
  method: "patch",
  path: "/api/contacts/{id}",
  summary: "Edit a contact",
  description:
    "Profile fields (`null` clears one), tags (replaced), consent and traits (merged; a trait " +
    "set to null is removed). A new email or phone is added to the contact's identities; one " +
    `that belongs to another contact is a 409. ${MERGED_NOTE}`,
  request: {
    params: Params,
    body: { ...json(UpdateContactBody, "The fields to change."), required: true },
  },
  responses: {
    200: json(ContactCardSchema, "The contact after the edit."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
    ...conflictResponse,
  },
});

const upsert = createRoute({
  ...base,
  method: "post",
  path: "/api/contacts",
  summary: "Create or update a contact by email, phone or userId",
  description:
    "Finds the contact known by any of the identifiers (contacts the identifiers show to be one " +
    "person are merged, as in ingestion) and applies the fields, or creates it with `source` " +
    "(default `api`). 201 when created, 200 when it existed.",
  request: { body: { ...json(UpsertContactBody, "Identifiers and fields."), required: true } },
  responses: {
    200: json(ContactCardSchema, "The existing contact, updated."),
    201: json(ContactCardSchema, "The new contact."),
    ...badRequest,
    ...authErrors,
  },
});

export const contactRoutes = router()
  .openapi(list, async (c) => {
    const { limit, cursor, ...filters } = c.req.valid("query");
    const page = await listContacts(c.get("deps").db, c.get("auth").workspaceId, filters, {
      limit,
      cursor,
    });
    const data = page.rows.map((row) =>
      filters.stage
        ? { ...toContactSummary(row), stageEnteredAt: row.stageEnteredAt }
        : toContactSummary(row),
    );
    return c.json({ data, nextCursor: page.nextCursor }, 200);
  })
  .openapi(upsert, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const result = await db.transaction((tx) =>
      upsertContact(tx, workspaceId, c.req.valid("json")),
    );
    return result.created
      ? c.json(await loadCard(db, workspaceId, result.id), 201)
      : c.json(await loadCard(db, workspaceId, result.id), 200);
  })
  .openapi(card, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const id = await live(db, workspaceId, c.req.valid("param").id);
    return c.json(await loadCard(db, workspaceId, id), 200);
  })
  .openapi(timeline, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const id = await live(db, workspaceId, c.req.valid("param").id);
    const page = await contactTimeline(db, workspaceId, id, c.req.valid("query"));
    return c.json({ data: page.entries.map(toTimelineItem), nextCursor: page.nextCursor }, 200);
  })
  .openapi(journeys, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const id = await live(db, workspaceId, c.req.valid("param").id);
    const rows = await contactJourneys(db, workspaceId, id, JOURNEYS_LIMIT);
    return c.json({ data: rows.map(toContactJourney) }, 200);
  })
  .openapi(update, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const body = c.req.valid("json");
    const id = await db.transaction(async (tx) => {
      const target = await live(tx, workspaceId, c.req.valid("param").id);
      await editContact(tx, workspaceId, target, body);
      return target;
    });
    return c.json(await loadCard(db, workspaceId, id), 200);
  });
