import {
  type CreateLeadSourceBody,
  type Funnel,
  LeadSource,
  LeadSourceList,
  LeadSourceWithSecret,
  TestLeadResult,
  type UpdateLeadSourceBody,
} from "@voronka/contract";
import { request, requestNoContent } from "../api/client.ts";
import { api } from "../api/endpoints.ts";

const path = (id: string) => `/api/lead-sources/${encodeURIComponent(id)}`;

/** Typed calls to `/api/lead-sources`, parsed with the contract's schemas. */
export const leadsApi = {
  list: () => request("GET", "/api/lead-sources", LeadSourceList),
  get: (id: string) => request("GET", path(id), LeadSource),
  create: (body: CreateLeadSourceBody) =>
    request("POST", "/api/lead-sources", LeadSourceWithSecret, body),
  update: (id: string, body: UpdateLeadSourceBody) =>
    request("PATCH", path(id), LeadSourceWithSecret, body),
  remove: (id: string) => requestNoContent("DELETE", path(id)),
  sendTestLead: (id: string) => request("POST", `${path(id)}/test-lead`, TestLeadResult),
};

/** Every live funnel of the workspace with its stages, oldest first (as the API lists them). */
export async function loadFunnels(): Promise<Funnel[]> {
  const list = await api.listFunnels();
  return Promise.all(list.data.map((f) => api.funnel(f.id)));
}
