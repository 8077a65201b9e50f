import { z } from "zod";

/** Body of `POST /api/auth/login`. */
export const LoginBody = z
  .object({
    email: z.email().max(254).meta({ example: "owner@example.com" }),
    password: z.string().min(1).max(1024),
  })
  .meta({ id: "LoginBody" });
export type LoginBody = z.infer<typeof LoginBody>;

export const Role = z.enum(["owner", "admin", "member"]);
export type Role = z.infer<typeof Role>;

export const WorkspaceSummary = z
  .object({ id: z.uuid(), name: z.string(), role: Role })
  .meta({ id: "WorkspaceSummary" });
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

/** Who is signed in, and into which workspace: `GET /api/auth/me` and the login response. */
export const Me = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }),
    workspace: WorkspaceSummary,
    workspaces: z.array(WorkspaceSummary),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof Me>;
