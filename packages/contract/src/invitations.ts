import { z } from "zod";
import { Role } from "./auth.ts";

/** A pending invitation to join the workspace (its token is never shown again). */
export const Invitation = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: Role,
    invitedBy: z.string().nullable().meta({ description: "Name of the member who invited." }),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: "Invitation" });
export type Invitation = z.infer<typeof Invitation>;

export const InvitationList = z
  .object({ data: z.array(Invitation) })
  .meta({ id: "InvitationList" });
export type InvitationList = z.infer<typeof InvitationList>;

/** Body of `POST /api/workspace/invitations`. */
export const CreateInvitationBody = z
  .object({
    email: z.string().trim().pipe(z.email().max(254)).meta({ example: "anna@example.com" }),
    role: Role,
  })
  .meta({ id: "CreateInvitationBody" });
export type CreateInvitationBody = z.infer<typeof CreateInvitationBody>;

/** How the invitation email went: by SMTP, into the dev mailbox, or not at all. */
export const InvitationDelivery = z
  .object({
    via: z.enum(["smtp", "mailbox", "failed"]),
    error: z.string().nullable(),
  })
  .meta({ id: "InvitationDelivery" });
export type InvitationDelivery = z.infer<typeof InvitationDelivery>;

/** The answer to creating an invitation: the only time its link is shown. */
export const CreatedInvitation = z
  .object({
    invitation: Invitation,
    token: z.string().meta({ description: "Shown once; only its SHA-256 is stored." }),
    url: z.string().meta({ description: "The accept page, on the server's public URL." }),
    email: InvitationDelivery,
  })
  .meta({ id: "CreatedInvitation" });
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

/** What the accept page shows before the person sets a password. */
export const InvitationPreview = z
  .object({
    workspaceName: z.string(),
    email: z.string(),
    role: Role,
    invitedBy: z.string().nullable(),
    expiresAt: z.iso.datetime(),
    existingAccount: z.boolean().meta({
      description: "The email already signs in to Voronka: accepting asks for that password.",
    }),
  })
  .meta({ id: "InvitationPreview" });
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/** Body of `POST /api/invitations/{token}/accept`. */
export const AcceptInvitationBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional().meta({
      description: "Required for a new account; ignored for an existing one.",
    }),
    password: z.string().min(1).max(1024).meta({
      description: "A new password (at least 8 characters), or an existing account's password.",
    }),
  })
  .meta({ id: "AcceptInvitationBody" });
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

/** Shortest password a new account may have. */
export const MIN_PASSWORD_LENGTH = 8;
