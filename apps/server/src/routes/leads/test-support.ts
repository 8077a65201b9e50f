// Shared by the lead-capture DB tests (`*.db.test.ts` beside this file); not used at runtime.
import { createFunnel, type FunnelWithStages } from "@voronka/db";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

export interface LeadHarness {
  database: TestDatabase;
  app: ReturnType<typeof createTestApp>;
  tenant: TestTenant;
  funnel: FunnelWithStages;
  /** Creates a source through the API and returns its response body. */
  createSource(body: Record<string, unknown>): Promise<CreatedSource>;
  q<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** The live contact owning an identity, with what a CRM card shows. */
  contactBy(kind: string, value: string): Promise<ContactView | undefined>;
  /** `Lead Captured` events of a contact. */
  leadEvents(contactId: string): Promise<LeadEventView[]>;
  /** The contact's current stage and its stage history in the harness funnel. */
  stageOf(contactId: string): Promise<{ stageId: string | null; moves: MoveView[] }>;
  counts(): Promise<{ leads: number; events: number; contacts: number }>;
}

export interface CreatedSource {
  id: string;
  publicId: string;
  secret: string | null;
  settings: Record<string, string>;
  endpoint: { path: string; url: string } | null;
  embed: { scriptUrl: string; snippet: string; htmlFormSnippet: string } | null;
}
export interface ContactView {
  id: string;
  name: string | null;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  source: string | null;
  handles: Record<string, string>;
}
export interface LeadEventView {
  message_id: string;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
  timestamp: Date;
}
export interface MoveView {
  from_stage_id: string | null;
  to_stage_id: string;
  cause: string;
  cause_ref: string | null;
}

/** A database, app, workspace and a 3-stage funnel ("New lead", "Offer sent", "Contract"). */
export async function leadHarness(): Promise<LeadHarness> {
  const database = await createTestDatabase();
  const app = createTestApp(database);
  const tenant = await createTenant(database.db, "Banquet hall");
  const funnel = await createFunnel(database.db, tenant.workspaceId, {
    name: "Banquets",
    stages: ["New lead", "Offer sent", "Contract"],
  });
  const q = async <T>(text: string, params: unknown[] = []) =>
    (await database.pool.query(text, params)).rows as T[]; // rows are untyped; each query names its columns
  const ws = tenant.workspaceId;
  return {
    database,
    app,
    tenant,
    funnel,
    q,
    async createSource(body) {
      const res = await app.request("/api/lead-sources", {
        method: "POST",
        headers: { ...bearer(tenant.secretKey), ...jsonHeaders },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`create source: ${res.status} ${await res.text()}`);
      return (await res.json()) as CreatedSource; // the test trusts its own API's shape
    },
    async contactBy(kind, value) {
      const rows = await q<ContactView>(
        `select c.id, c.name, c.first_name, c.last_name, c.email, c.phone, c.source, c.handles
         from contact_identities i join contacts c on c.workspace_id = i.workspace_id and c.id = i.contact_id
         where i.workspace_id = $1 and i.kind = $2 and i.value = $3`,
        [ws, kind, value],
      );
      return rows[0];
    },
    leadEvents: (contactId) =>
      q<LeadEventView>(
        `select message_id, properties, context, timestamp from events
         where workspace_id = $1 and contact_id = $2 and name = 'Lead Captured' order by id`,
        [ws, contactId],
      ),
    async stageOf(contactId) {
      const [current] = await q<{ stage_id: string }>(
        "select stage_id from contact_stages where workspace_id = $1 and funnel_id = $2 and contact_id = $3",
        [ws, funnel.id, contactId],
      );
      const moves = await q<MoveView>(
        `select from_stage_id, to_stage_id, cause, cause_ref from stage_moves
         where workspace_id = $1 and funnel_id = $2 and contact_id = $3 order by id`,
        [ws, funnel.id, contactId],
      );
      return { stageId: current?.stage_id ?? null, moves };
    },
    async counts() {
      const [row] = await q<{ leads: number; events: number; contacts: number }>(
        `select (select count(*)::int from leads where workspace_id = $1) as leads,
                (select count(*)::int from events where workspace_id = $1) as events,
                (select count(*)::int from contacts where workspace_id = $1) as contacts`,
        [ws],
      );
      return row ?? { leads: 0, events: 0, contacts: 0 };
    },
  };
}
