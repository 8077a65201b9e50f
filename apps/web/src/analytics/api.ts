import {
  AbSplit,
  ChannelReport,
  FunnelReport,
  JourneyReport,
  ReportContactPage,
  RfmReport,
  type RfmSegmentName,
  SpendRow,
} from "@voronka/contract";
import { request, requestCsv, type Schema } from "../api/client.ts";

/** A report's date range as the API takes it (`YYYY-MM-DD`, `to` exclusive). */
export interface Range {
  from: string;
  to: string;
}

function qs(params: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

const list = <T>(item: Schema<T>): Schema<{ data: T[] }> => ({
  safeParse: (data: unknown) => {
    const items = (data as { data?: unknown } | undefined)?.data; // each item checked below
    if (!Array.isArray(items)) return { success: false };
    const out: T[] = [];
    for (const x of items) {
      const r = item.safeParse(x);
      if (!r.success) return { success: false };
      out.push(r.data);
    }
    return { success: true, data: { data: out } };
  },
});

const Saved: Schema<{ saved: number }> = {
  safeParse: (data: unknown) => {
    const saved = (data as { saved?: unknown } | undefined)?.saved; // a count
    return typeof saved === "number" ? { success: true, data: { saved } } : { success: false };
  },
};
const Enrolled: Schema<{ enrolled: number; contacts: number }> = {
  safeParse: (data: unknown) => {
    const d = data as { enrolled?: unknown; contacts?: unknown } | undefined; // two counts
    return typeof d?.enrolled === "number" && typeof d.contacts === "number"
      ? { success: true, data: { enrolled: d.enrolled, contacts: d.contacts } }
      : { success: false };
  },
};

export type FunnelDrill = {
  metric: "entered" | "reached" | "won" | "lost" | "now" | "stalled";
  stageId?: string;
  reasonId?: string;
  week?: string;
};

export type RfmPick = { segment: RfmSegmentName } | { recency: number; frequency: number };

export const analyticsApi = {
  funnel: (id: string, r: Range) =>
    request("GET", `/api/analytics/funnels/${encodeURIComponent(id)}${qs({ ...r })}`, FunnelReport),
  funnelContacts: (id: string, r: Range, drill: FunnelDrill, offset = 0) =>
    request(
      "GET",
      `/api/analytics/funnels/${encodeURIComponent(id)}/contacts${qs({ ...r, ...drill, limit: 50, offset })}`,
      ReportContactPage,
    ),
  journey: (id: string, r: Range) =>
    request(
      "GET",
      `/api/analytics/journeys/${encodeURIComponent(id)}${qs({ ...r })}`,
      JourneyReport,
    ),
  ab: (id: string, r: Range) =>
    request(
      "GET",
      `/api/analytics/journeys/${encodeURIComponent(id)}/ab${qs({ ...r })}`,
      list(AbSplit),
    ),
  channels: (r: Range, margin: number) =>
    request("GET", `/api/analytics/channels${qs({ ...r, margin })}`, ChannelReport),
  spend: () => request("GET", "/api/analytics/spend", list(SpendRow)),
  saveSpend: (rows: SpendRow[]) => request("PUT", "/api/analytics/spend", Saved, { rows }),
  importSpend: (csv: string) => requestCsv("/api/analytics/spend/import", Saved, csv),
  rfm: () => request("GET", "/api/analytics/rfm", RfmReport),
  refreshRfm: () => request("POST", "/api/analytics/rfm/refresh", RfmReport),
  rfmContacts: (pick: RfmPick, offset = 0) =>
    request(
      "GET",
      `/api/analytics/rfm/contacts${qs({ ...pick, limit: 50, offset })}`,
      ReportContactPage,
    ),
  enrollRfm: (pick: RfmPick, journeyId: string) =>
    request("POST", "/api/analytics/rfm/enroll", Enrolled, { ...pick, journeyId }),
};

/** Where a table's CSV downloads from (the browser sends the session cookie). */
export function csvUrl(path: string, params: Record<string, string | number | undefined>): string {
  return `${path}${qs(params)}`;
}
