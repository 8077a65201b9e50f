import {
  ApiKeyList,
  type CreateApiKeyBody,
  CreatedApiKey,
  type LoginBody,
  Me,
  Workspace,
} from "@voronka/contract";
import { request, requestNoContent } from "./client.ts";

/** Typed calls to the Voronka API; request and response shapes come from `@voronka/contract`. */
export const api = {
  me: () => request("GET", "/api/auth/me", Me),
  login: (body: LoginBody) => request("POST", "/api/auth/login", Me, body),
  logout: () => requestNoContent("POST", "/api/auth/logout"),

  workspace: () => request("GET", "/api/workspace", Workspace),

  listApiKeys: () => request("GET", "/api/api-keys", ApiKeyList),
  createApiKey: (body: CreateApiKeyBody) => request("POST", "/api/api-keys", CreatedApiKey, body),
  revokeApiKey: (id: string) =>
    requestNoContent("DELETE", `/api/api-keys/${encodeURIComponent(id)}`),
};
