import {
  Member,
  MemberList,
  type Role,
  type SendingRules,
  SendingRulesState,
} from "@voronka/contract";
import { request } from "../api/client.ts";

/** Typed calls to the workspace's sending rules and members. */
export const workspaceApi = {
  sendingRules: () => request("GET", "/api/workspace/sending-rules", SendingRulesState),
  saveSendingRules: (rules: SendingRules) =>
    request("PUT", "/api/workspace/sending-rules", SendingRulesState, rules),
  members: () => request("GET", "/api/workspace/members", MemberList),
  setRole: (userId: string, role: Role) =>
    request("PATCH", `/api/workspace/members/${encodeURIComponent(userId)}`, Member, { role }),
};
