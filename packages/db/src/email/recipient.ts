import { and, eq } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { contacts } from "../schema/contacts.ts";

/** The fields of a contact that email templates can use, or undefined when not in the workspace. */
export async function emailRecipient(tx: Tx, workspaceId: string, contactId: string) {
  const [row] = await tx
    .select({
      id: contacts.id,
      email: contacts.email,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      name: contacts.name,
      phone: contacts.phone,
      city: contacts.city,
      country: contacts.country,
      traits: contacts.traits,
    })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  return row;
}
