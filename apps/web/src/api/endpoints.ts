import {
  ApiKeyList,
  BulkEnrollment,
  ContactCard,
  ContactImport,
  ContactImportList,
  ContactList,
  type CreateApiKeyBody,
  CreatedApiKey,
  type CreateFunnelBody,
  type CreateJourneyBody,
  type CreateLostReasonBody,
  type CreateStageBody,
  Funnel,
  FunnelList,
  type ImportMapping,
  Journey,
  JourneySummary,
  JourneyVersionCounts,
  type LoginBody,
  Me,
  type MoveBody,
  MoveResult,
  StageHistory,
  Timeline,
  type UpdateContactBody,
  type UpdateFunnelBody,
  type UpdateJourneyBody,
  type UpdateStageBody,
  type UpsertContactBody,
  Workspace,
} from "@voronka/contract";
import { request, requestCsv, requestNoContent, type Schema } from "./client.ts";

// The contract has no list schema for journeys; this one checks each item with the contract's.
const JourneyList: Schema<{ data: JourneySummary[] }> = {
  safeParse: (data: unknown) => {
    const list = (data as { data?: unknown } | undefined)?.data; // checked by the schema below
    const parsed = JourneySummary.array().safeParse(list);
    return parsed.success ? { success: true, data: { data: parsed.data } } : { success: false };
  },
};

// The contract exports these schemas without inferred types; derive them rather than copy.
type CreateJourneyInput = ReturnType<typeof CreateJourneyBody.parse>;
type UpdateJourneyInput = ReturnType<typeof UpdateJourneyBody.parse>;

/** A journey's lifecycle actions, each a POST without a body. */
export type JourneyAction = "publish" | "pause" | "resume" | "stop" | "archive";

/** Query parameters of the contacts list; empty values are left out. */
export interface ContactListParams {
  q?: string;
  funnel?: string;
  stage?: string;
  tag?: string;
  source?: string;
  consent?: string;
  limit?: number;
  cursor?: string;
}

/** Options of a CSV import besides the file itself. */
export interface ImportOptions {
  fileName: string;
  mapping: ImportMapping;
  funnelId?: string;
  stageId?: string;
}

function query(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

const id = (value: string) => encodeURIComponent(value);

/** Typed calls to the Voronka API; request and response shapes come from `@voronka/contract`. */
export const api = {
  me: () => request("GET", "/api/auth/me", Me),
  login: (body: LoginBody) => request("POST", "/api/auth/login", Me, body),
  logout: () => requestNoContent("POST", "/api/auth/logout"),

  workspace: () => request("GET", "/api/workspace", Workspace),

  listApiKeys: () => request("GET", "/api/api-keys", ApiKeyList),
  createApiKey: (body: CreateApiKeyBody) => request("POST", "/api/api-keys", CreatedApiKey, body),
  revokeApiKey: (keyId: string) => requestNoContent("DELETE", `/api/api-keys/${id(keyId)}`),

  listContacts: (params: ContactListParams) =>
    request("GET", `/api/contacts${query(params)}`, ContactList),
  contact: (contactId: string) => request("GET", `/api/contacts/${id(contactId)}`, ContactCard),
  contactTimeline: (contactId: string, cursor: string) =>
    request("GET", `/api/contacts/${id(contactId)}/timeline${query({ cursor })}`, Timeline),
  updateContact: (contactId: string, body: UpdateContactBody) =>
    request("PATCH", `/api/contacts/${id(contactId)}`, ContactCard, body),
  upsertContact: (body: UpsertContactBody) => request("POST", "/api/contacts", ContactCard, body),

  listImports: () => request("GET", "/api/contacts/imports", ContactImportList),
  contactImport: (importId: string) =>
    request("GET", `/api/contacts/imports/${id(importId)}`, ContactImport),
  startImport: (csv: string, options: ImportOptions) =>
    requestCsv(
      `/api/contacts/imports${query({ ...options, mapping: JSON.stringify(options.mapping) })}`,
      ContactImport,
      csv,
    ),

  listFunnels: () => request("GET", "/api/funnels", FunnelList),
  funnel: (funnelId: string) => request("GET", `/api/funnels/${id(funnelId)}`, Funnel),
  createFunnel: (body: CreateFunnelBody) => request("POST", "/api/funnels", Funnel, body),
  updateFunnel: (funnelId: string, body: UpdateFunnelBody) =>
    request("PATCH", `/api/funnels/${id(funnelId)}`, Funnel, body),
  archiveFunnel: (funnelId: string) => requestNoContent("DELETE", `/api/funnels/${id(funnelId)}`),
  addStage: (funnelId: string, body: CreateStageBody) =>
    request("POST", `/api/funnels/${id(funnelId)}/stages`, Funnel, body),
  updateStage: (funnelId: string, stageId: string, body: UpdateStageBody) =>
    request("PATCH", `/api/funnels/${id(funnelId)}/stages/${id(stageId)}`, Funnel, body),
  deleteStage: (funnelId: string, stageId: string) =>
    requestNoContent("DELETE", `/api/funnels/${id(funnelId)}/stages/${id(stageId)}`),
  addLostReason: (funnelId: string, body: CreateLostReasonBody) =>
    request("POST", `/api/funnels/${id(funnelId)}/lost-reasons`, Funnel, body),
  removeLostReason: (funnelId: string, reasonId: string) =>
    requestNoContent("DELETE", `/api/funnels/${id(funnelId)}/lost-reasons/${id(reasonId)}`),
  moveContact: (funnelId: string, body: MoveBody) =>
    request("POST", `/api/funnels/${id(funnelId)}/moves`, MoveResult, body),
  stageHistory: (funnelId: string, contactId: string) =>
    request("GET", `/api/funnels/${id(funnelId)}/history${query({ contactId })}`, StageHistory),

  listJourneys: () => request("GET", "/api/journeys", JourneyList),
  journey: (journeyId: string) => request("GET", `/api/journeys/${id(journeyId)}`, Journey),
  createJourney: (body: CreateJourneyInput) => request("POST", "/api/journeys", Journey, body),
  updateJourney: (journeyId: string, body: UpdateJourneyInput) =>
    request("PATCH", `/api/journeys/${id(journeyId)}`, Journey, body),
  journeyAction: (journeyId: string, action: JourneyAction) =>
    request("POST", `/api/journeys/${id(journeyId)}/${action}`, Journey),
  duplicateJourney: (journeyId: string) =>
    request("POST", `/api/journeys/${id(journeyId)}/duplicate`, Journey),
  journeyCounts: (journeyId: string, version: number) =>
    request(
      "GET",
      `/api/journeys/${id(journeyId)}/versions/${version}/counts`,
      JourneyVersionCounts,
    ),
  /** Enrolls up to 10,000 contacts in a background job; poll `bulkEnrollment` for progress. */
  startBulkEnrollment: (journeyId: string, contactIds: string[]) =>
    request("POST", `/api/journeys/${id(journeyId)}/bulk-enrollments`, BulkEnrollment, {
      filter: { contactIds },
    }),
  bulkEnrollment: (journeyId: string, bulkId: string) =>
    request("GET", `/api/journeys/${id(journeyId)}/bulk-enrollments/${id(bulkId)}`, BulkEnrollment),
};
