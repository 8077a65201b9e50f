import { randomUUID } from "node:crypto";
import type { SegmentMessage } from "@voronka/contract";
import { type ContactPatch, type Identity, identity, type NormalizedEvent } from "@voronka/db";

type Json = Record<string, unknown>;

export interface RequestFacts {
  receivedAt: Date;
  ip: string | undefined;
  userAgent: string | undefined;
  /** `sentAt` and `context` of the enclosing batch, if any. */
  batchSentAt?: string | number | undefined;
  batchContext?: Json | undefined;
}

function toDate(value: string | number | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * Segment's clock-skew correction: the device clock may be wrong, but the gap between the
 * event and `sentAt` (both device time) is right, so timestamp = receivedAt − (sentAt − event).
 * Without `sentAt`, the given timestamp is trusted; one more than a day ahead is replaced by
 * the time received.
 */
export function correctedTimestamp(m: SegmentMessage, facts: RequestFacts): Date {
  const event = toDate(m.originalTimestamp ?? m.timestamp);
  const sentAt = toDate(m.sentAt ?? facts.batchSentAt);
  let ts = event ?? facts.receivedAt;
  if (event && sentAt)
    ts = new Date(facts.receivedAt.getTime() - (sentAt.getTime() - event.getTime()));
  if (ts.getTime() > facts.receivedAt.getTime() + 24 * 3600 * 1000) ts = facts.receivedAt;
  return ts;
}

const str = (v: unknown) =>
  typeof v === "string" && v.trim() ? v.trim().slice(0, 500) : undefined;

function isoDate(v: unknown): string | undefined {
  if (typeof v !== "string" && !(v instanceof Date)) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

function validTimeZone(v: unknown): string | undefined {
  const tz = str(v);
  if (!tz) return undefined;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz;
  } catch {
    return undefined;
  }
}

/** Maps Segment's reserved identify traits onto the contact's CRM fields; all traits are kept. */
export function traitsToPatch(traits: Json, context: Json): ContactPatch {
  const address = (traits.address ?? {}) as Json;
  return {
    email: identity("email", traits.email)?.value,
    phone: identity("phone", traits.phone)?.value,
    firstName: str(traits.firstName ?? traits.first_name),
    lastName: str(traits.lastName ?? traits.last_name),
    name: str(traits.name),
    gender: str(traits.gender),
    birthday: isoDate(traits.birthday),
    city: str(address.city ?? traits.city),
    country: str(address.country ?? traits.country),
    timeZone: validTimeZone(traits.timezone ?? traits.timeZone ?? context.timezone),
    preferredChannel: str(traits.preferredChannel ?? traits.preferred_channel),
    traits,
  };
}

/** Turns a validated Segment message into an event to store. */
export function normalizeMessage(m: SegmentMessage, facts: RequestFacts): NormalizedEvent {
  const context: Json = { ...facts.batchContext, ...m.context };
  if (!context.ip && facts.ip) context.ip = facts.ip;
  if (!context.userAgent && facts.userAgent) context.userAgent = facts.userAgent;

  const userId = m.userId ?? null;
  const anonymousId = m.type === "alias" ? null : (m.anonymousId ?? null);
  const ids: Array<Identity | undefined> = [
    identity("user_id", userId),
    identity("anonymous_id", anonymousId),
  ];
  if (m.type === "alias") ids.push(identity("anonymous_id", m.previousId));

  let name: string | null = null;
  let properties: Json = {};
  let patch: ContactPatch | undefined;
  switch (m.type) {
    case "track":
      name = m.event;
      properties = m.properties ?? {};
      break;
    case "page":
    case "screen":
      name = m.name ?? null;
      properties = {
        ...(m.type === "page" && m.category ? { category: m.category } : {}),
        ...m.properties,
      };
      break;
    case "identify": {
      const traits = m.traits ?? {};
      patch = traitsToPatch(traits, context);
      ids.push(identity("email", traits.email), identity("phone", traits.phone));
      properties = {};
      break;
    }
    case "group":
      properties = { groupId: m.groupId, traits: m.traits ?? {} };
      break;
    case "alias":
      properties = { previousId: m.previousId };
      break;
  }

  return {
    messageId: m.messageId ?? `voronka-${randomUUID()}`,
    type: m.type,
    name,
    userId,
    anonymousId: m.type === "alias" ? m.previousId : anonymousId,
    identities: ids.filter((i): i is Identity => !!i),
    ...(patch ? { patch } : {}),
    properties,
    context,
    timestamp: correctedTimestamp(m, facts),
  };
}
