import {
  type AcceptInvitationBody,
  CreatedInvitation,
  type CreateInvitationBody,
  InvitationList,
  InvitationPreview,
} from "@voronka/contract";
import { request, requestNoContent, type Schema } from "../api/client.ts";

const enc = encodeURIComponent;

// The accept answer is two ids; the contract names no schema for it.
const Joined: Schema<{ workspaceId: string }> = {
  safeParse: (data: unknown) => {
    const id = (data as { workspaceId?: unknown } | undefined)?.workspaceId; // checked below
    return typeof id === "string"
      ? { success: true, data: { workspaceId: id } }
      : { success: false };
  },
};

/** Typed calls to the workspace's invitations and to an invitation link. */
export const invitesApi = {
  list: () => request("GET", "/api/workspace/invitations", InvitationList),
  create: (body: CreateInvitationBody) =>
    request("POST", "/api/workspace/invitations", CreatedInvitation, body),
  revoke: (id: string) => requestNoContent("DELETE", `/api/workspace/invitations/${enc(id)}`),
  preview: (token: string) => request("GET", `/api/invitations/${enc(token)}`, InvitationPreview),
  accept: (token: string, body: AcceptInvitationBody) =>
    request("POST", `/api/invitations/${enc(token)}/accept`, Joined, body),
};

/** The accept page's address for a token, on the origin this browser uses. */
export const inviteLink = (token: string) => `${window.location.origin}/invite/${enc(token)}`;
