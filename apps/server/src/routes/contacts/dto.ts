import type {
  ContactImport,
  ContactJourney,
  ContactSummary,
  TimelineItem,
} from "@voronka/contract";
import type { ContactImportRow, ContactJourneyRow, ContactRow, TimelineEntry } from "@voronka/db";
import { NODE_CATALOGUE } from "@voronka/journey";

export const toContactSummary = (c: ContactRow): ContactSummary => ({
  id: c.id,
  userId: c.userId,
  email: c.email,
  phone: c.phone,
  firstName: c.firstName,
  lastName: c.lastName,
  name: c.name,
  city: c.city,
  country: c.country,
  tags: c.tags,
  source: c.source,
  lifetimeRevenue: c.lifetimeRevenue,
  orderCount: c.orderCount,
  firstSeenAt: c.firstSeenAt.toISOString(),
  lastSeenAt: c.lastSeenAt.toISOString(),
});

export function toTimelineItem(e: TimelineEntry): TimelineItem {
  return { ...e, at: e.at.toISOString() };
}

export const toContactImport = (row: ContactImportRow): ContactImport => ({
  id: row.id,
  status: row.status,
  fileName: row.fileName,
  mapping: row.mapping,
  totalRows: row.totalRows,
  processedRows: row.processedRows,
  inserted: row.inserted,
  updated: row.updated,
  duplicates: row.duplicates,
  rejected: row.rejected,
  report: row.report,
  error: row.error,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

const stepLabels = new Map<string, string>(NODE_CATALOGUE.map((n) => [n.type, n.label]));

/** A run that reached the end of a path is `completed`; any other early end is `exited`. */
function journeyStatus(row: ContactJourneyRow): ContactJourney["status"] {
  if (row.status === "exited" && row.exitReason === "end-of-path") return "completed";
  return row.status;
}

export function toContactJourney(row: ContactJourneyRow): ContactJourney {
  const type = row.nodeType ?? "unknown";
  return {
    enrollmentId: row.enrollmentId,
    journeyId: row.journeyId,
    journeyName: row.journeyName,
    journeyStatus: row.journeyStatus,
    version: row.version,
    status: journeyStatus(row),
    node: row.nodeId ? { id: row.nodeId, type, label: stepLabels.get(type) ?? type } : null,
    waitingFor: row.status === "waiting" ? row.waitingEvent : null,
    exitReason: row.exitReason,
    enteredAt: row.startedAt.toISOString(),
    waitingUntil: row.status === "waiting" ? (row.wakeAt?.toISOString() ?? null) : null,
    lastTransitionAt: (row.endedAt ?? row.nodeEnteredAt ?? row.startedAt).toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}
