import type { ContactImport, ContactSummary, TimelineItem } from "@voronka/contract";
import type { ContactImportRow, ContactRow, TimelineEntry } from "@voronka/db";

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
