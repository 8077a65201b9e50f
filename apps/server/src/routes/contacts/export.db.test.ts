import { readCsv } from "@voronka/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let tenant: TestTenant;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  tenant = await createTenant(database.db, "Exporters");
  const people = [
    { email: "plain@example.com", firstName: "Plain", tags: ["vip"] },
    {
      email: "quote@example.com",
      firstName: 'Say "hi", then;',
      lastName: "Line\nbreak",
      tags: ["a", "b"],
    },
    {
      email: "formula@example.com",
      firstName: '=HYPERLINK("http://evil")',
      lastName: "@SUM(A1)",
      phone: "+7 999 123 45 67",
    },
    { email: "minus@example.com", firstName: "-2+3", city: "+cmd|' /C calc'!A0" },
  ];
  for (const body of people) {
    const res = await app.request("/api/contacts", {
      method: "POST",
      headers: { ...bearer(tenant.secretKey), ...jsonHeaders },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
  }
  // Enough contacts to span several keyset pages of the export.
  await database.pool.query(
    `insert into contacts (workspace_id, email, first_name, last_seen_at)
     select $1, 'bulk' || n || '@example.com', 'Bulk', now() - n * interval '1 second'
     from generate_series(1, 4500) n`,
    [tenant.workspaceId],
  );
});
afterAll(() => database.drop());

/** Header and rows, read back by the same CSV reader the import uses. */
function parse(text: string): string[][] {
  const table = readCsv(text, ",");
  return [table.header, ...table.rows];
}

async function exportCsv(query = "") {
  const res = await app.request(`/api/contacts/export.csv${query}`, {
    headers: bearer(tenant.secretKey),
  });
  return { res, text: await res.text() };
}

describe("GET /api/contacts/export.csv", () => {
  it("streams every contact once, with a header row and proper quoting", async () => {
    const { res, text } = await exportCsv();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(
      /attachment; filename="contacts-.*\.csv"/,
    );
    const rows = parse(text);
    expect(rows[0]?.slice(0, 5)).toEqual(["id", "email", "phone", "userId", "firstName"]);
    expect(rows).toHaveLength(1 + 4 + 4500);
    const ids = rows.slice(1).map((r) => r[0]);
    expect(new Set(ids).size).toBe(ids.length);
    const byEmail = new Map(rows.slice(1).map((r) => [r[1], r]));
    const header = rows[0]!;
    const cell = (email: string, column: string) => byEmail.get(email)?.[header.indexOf(column)];
    expect(cell("quote@example.com", "firstName")).toBe('Say "hi", then;');
    expect(cell("quote@example.com", "lastName")).toBe("Line\nbreak");
    expect(cell("quote@example.com", "tags")).toBe("a, b");
    expect(cell("plain@example.com", "tags")).toBe("vip");
  });

  it("defuses cells a spreadsheet would run as formulas, leaving numbers alone", async () => {
    const { text } = await exportCsv();
    const rows = parse(text);
    const header = rows[0]!;
    const byEmail = new Map(rows.slice(1).map((r) => [r[1], r]));
    const cell = (email: string, column: string) => byEmail.get(email)?.[header.indexOf(column)];
    expect(cell("formula@example.com", "firstName")).toBe('\'=HYPERLINK("http://evil")');
    expect(cell("formula@example.com", "lastName")).toBe("'@SUM(A1)");
    expect(cell("formula@example.com", "phone")).toBe("+79991234567");
    expect(cell("minus@example.com", "firstName")).toBe("'-2+3");
    expect(cell("minus@example.com", "city")).toBe("'+cmd|' /C calc'!A0");
    expect(text).not.toMatch(/(^|,)[=@]/m);
  });

  it("applies the list's filters, and refuses bad ones", async () => {
    const { text } = await exportCsv("?tag=vip");
    const rows = parse(text);
    expect(rows.slice(1).map((r) => r[1])).toEqual(["plain@example.com"]);
    const none = await exportCsv("?q=nobody-at-all");
    expect(parse(none.text)).toHaveLength(1);
    const bad = await exportCsv("?lastSeenAfter=yesterday");
    expect(bad.res.status).toBe(400);
    expect(JSON.parse(bad.text).error.code).toBe("validation_failed");
  });
});
