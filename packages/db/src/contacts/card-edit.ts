import { AppError } from "@voronka/core";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { withAttributeTriggers } from "../engine/attribute-triggers.ts";
import { contacts } from "../schema/contacts.ts";
import { pgArray } from "../sql-array.ts";
import { type Identity, identity } from "./identity.ts";
import { resolveContacts, type Tx } from "./resolve.ts";

/** Profile fields as the API validated them; `null` clears, absent leaves alone. */
export interface ContactEdit {
  email?: string | null | undefined;
  phone?: string | null | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  name?: string | null | undefined;
  gender?: string | null | undefined;
  birthday?: string | null | undefined;
  city?: string | null | undefined;
  country?: string | null | undefined;
  timeZone?: string | null | undefined;
  preferredChannel?: string | null | undefined;
  tags?: string[] | undefined;
  consent?: Record<string, string> | undefined;
  traits?: Record<string, unknown> | undefined;
}

const PLAIN = [
  "firstName",
  "lastName",
  "name",
  "gender",
  "birthday",
  "city",
  "country",
  "timeZone",
  "preferredChannel",
] as const;

function invalid(path: string, message: string): AppError {
  return new AppError("validation_failed", "Some fields are missing or invalid.", {
    details: [{ path, message }],
  });
}

/** Email and phone normalised as identities; a value that cannot be one is a 400. */
function identitiesOf(edit: ContactEdit & { userId?: string | undefined }): Identity[] {
  const found: Identity[] = [];
  if (edit.email) {
    const id = identity("email", edit.email);
    if (!id) throw invalid("email", "Not a valid email address.");
    found.push(id);
  }
  if (edit.phone) {
    const id = identity("phone", edit.phone);
    if (!id) throw invalid("phone", "Not a valid phone number (6–15 digits).");
    found.push(id);
  }
  if (edit.userId) {
    const id = identity("user_id", edit.userId);
    if (id) found.push(id);
  }
  return found;
}

/**
 * Applies a user's edit to a live contact. A new email or phone becomes an identity of the
 * contact (old ones keep recognising it); one that already belongs to another contact is a
 * 409 — merging two people is not something an edit form should do silently. Changed
 * attributes start the journeys that watch them, in the caller's transaction.
 */
export async function editContact(
  tx: Tx,
  workspaceId: string,
  contactId: string,
  edit: ContactEdit,
): Promise<void> {
  const ids = identitiesOf(edit);
  if (ids.length > 0) {
    const owners = await tx.execute<{ kind: string; contact_id: string }>(sql`
      select i.kind, i.contact_id from contact_identities i
      join unnest(${pgArray(ids.map((i) => i.kind))}::text[], ${pgArray(ids.map((i) => i.value))}::text[]) as k(kind, value)
        on i.kind = k.kind and i.value = k.value
      where i.workspace_id = ${workspaceId} and i.contact_id <> ${contactId}`);
    const taken = owners.rows[0];
    if (taken) {
      throw new AppError(
        "conflict",
        `This ${taken.kind} already belongs to contact ${taken.contact_id}.`,
      );
    }
    await tx.execute(sql`
      insert into contact_identities (workspace_id, kind, value, contact_id)
      select ${workspaceId}, k.kind, k.value, ${contactId}::uuid
      from unnest(${pgArray(ids.map((i) => i.kind))}::text[], ${pgArray(ids.map((i) => i.value))}::text[]) as k(kind, value)
      on conflict do nothing`);
  }
  const set: Record<string, SQL | string | string[] | null | Date> = { updatedAt: sql`now()` };
  for (const key of PLAIN) if (edit[key] !== undefined) set[key] = edit[key];
  if (edit.email !== undefined) set.email = ids.find((i) => i.kind === "email")?.value ?? null;
  if (edit.phone !== undefined) set.phone = ids.find((i) => i.kind === "phone")?.value ?? null;
  if (edit.tags) set.tags = [...new Set(edit.tags)];
  if (edit.consent)
    set.consent = sql`${contacts.consent} || ${JSON.stringify(edit.consent)}::jsonb`;
  if (edit.traits) {
    const removed = Object.keys(edit.traits).filter((k) => edit.traits?.[k] === null);
    set.traits = sql`(${contacts.traits} || ${JSON.stringify(edit.traits)}::jsonb) - ${pgArray(removed)}::text[]`;
  }
  await withAttributeTriggers(tx, workspaceId, [contactId], () =>
    tx
      .update(contacts)
      .set(set)
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId))),
  );
}

/**
 * Finds the contact known by any of the given email / phone / userId (merging contacts the
 * identifiers show to be one person, as ingestion does) or creates it, then applies the edit.
 */
export async function upsertContact(
  tx: Tx,
  workspaceId: string,
  input: ContactEdit & { userId?: string | undefined; source?: string | undefined },
): Promise<{ id: string; created: boolean }> {
  const ids = identitiesOf(input);
  if (ids.length === 0) throw invalid("email", "Give at least one of email, phone or userId.");
  const resolved = await resolveContacts(tx, workspaceId, [ids]);
  const id = resolved.contactIds[0];
  if (!id) throw new Error("resolveContacts returned no contact");
  const { userId, source, ...edit } = input;
  await editContact(tx, workspaceId, id, edit);
  // A new contact records where it came from; an existing one keeps its first source.
  await tx
    .update(contacts)
    .set({
      userId: sql`coalesce(${contacts.userId}, ${userId ?? null})`,
      source: sql`coalesce(${contacts.source}, ${source ?? "api"})`,
    })
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
  return { id, created: resolved.created.has(id) };
}
