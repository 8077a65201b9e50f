import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, startE2e, stopE2e } from "../support/e2e.ts";
import type { TestTenant } from "../support/fixtures.ts";
import type { ServerProcess } from "../support/server-process.ts";
import type { TestDatabase } from "../support/test-db.ts";

const ROWS = 10_000;

let database: TestDatabase;
let server: ServerProcess;
let browser: Browser;
let tenant: TestTenant;
let page: Page;

beforeAll(async () => {
  // "start" runs the worker too: it is what carries out the import.
  ({ database, tenant, server, browser, page } = await startE2e("Banquet hall Aurora"));
});

afterAll(() => stopE2e({ browser, server, database }));

/** Screenshots the whole page by growing the window, so sticky parts stay in place. */
async function shot(name: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1440, height: Math.max(900, Math.min(height, 4000)) });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  await page.setViewportSize({ width: 1440, height: 900 });
}

/**
 * 10,000 guests: every 100th row (from the 8th) has a broken email, every 250th (from the 51st)
 * has no email or phone at all (140 rejected rows); the last 10 repeat the first 10 people.
 */
function guestList(): { csv: string; rejected: number; people: number } {
  const lines = ["E-mail;Phone;First name;Last name;City;Plan"];
  const people = new Set<number>();
  let rejected = 0;
  for (let i = 0; i < ROWS; i++) {
    const n = i >= ROWS - 10 ? i - (ROWS - 10) : i;
    let email = `guest${n}@example.com`;
    let phone = `+7 999 ${String(n).padStart(7, "0")}`;
    if (i % 100 === 7) {
      email = `guest${n}-at-example.com`;
      rejected += 1;
    } else if (i % 250 === 50) {
      email = "";
      phone = "";
      rejected += 1;
    } else {
      people.add(n);
    }
    lines.push([email, phone, `Guest${n}`, "Ivanov", "Kazan", n % 2 ? "gold" : "silver"].join(";"));
  }
  return { csv: `${lines.join("\n")}\n`, rejected, people: people.size };
}

const visible = (text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { message: String(text) });

describe("the CSV import wizard", () => {
  it("imports 10,000 rows with the progress reaching 100 % and the rejected rows listed", async () => {
    await page.goto(`${server.url}/contacts`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/contacts$/);
    await visible("No contacts yet").toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "contacts-empty.png") });

    await page.getByRole("link", { name: "Import CSV" }).click();
    await page.waitForURL(/\/contacts\/import$/);
    await visible("No imports yet.").toBe(true);
    await shot("import-1-choose");

    const { csv, rejected, people } = guestList();
    await page.getByLabel("CSV file").setInputFiles({
      name: "guests.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await visible("Match the columns to contact fields").toBe(true);
    // Guessed from the headers; "Plan" becomes a custom property.
    await expect.poll(() => page.getByLabel("Import “E-mail” as").inputValue()).toBe("email");
    await expect
      .poll(() => page.getByLabel("Import “First name” as").inputValue())
      .toBe("firstName");
    await expect.poll(() => page.getByLabel("Import “Plan” as").inputValue()).toBe("custom");

    // Without an identifier the wizard explains why it can't start.
    await page.getByLabel("Import “E-mail” as").selectOption("skip");
    await page.getByLabel("Import “Phone” as").selectOption("skip");
    await page.getByRole("button", { name: "Start import" }).click();
    await visible("Import a column as Email, Phone or User ID: contacts are matched by them.").toBe(
      true,
    );
    await page.getByLabel("Import “E-mail” as").selectOption("email");
    await page.getByLabel("Import “Phone” as").selectOption("phone");
    await visible("guest0@example.com").toBe(true);
    await shot("import-2-map");

    await page.getByRole("button", { name: "Start import" }).click();
    const bar = page.getByRole("progressbar", { name: "Import progress" });
    await expect.poll(() => bar.isVisible()).toBe(true);
    await expect
      .poll(() => bar.getAttribute("aria-valuenow"), { timeout: 180_000, interval: 250 })
      .toBe("100");
    await visible("Import finished").toBe(true);
    await visible(`${ROWS.toLocaleString("en-US")} of ${ROWS.toLocaleString("en-US")} rows`).toBe(
      true,
    );

    const rows = page.getByRole("region", { name: "Rejected rows" }).getByRole("row");
    await expect.poll(() => rows.count()).toBe(rejected + 1); // + the header row
    // Row 9 of the file (header = row 1) is data row 8: the first broken email.
    const firstBroken = rows.filter({ has: page.getByRole("cell", { name: "9", exact: true }) });
    await expect.poll(() => firstBroken.textContent()).toMatch(/email/i);
    const imported = await database.pool.query<{ n: string }>(
      "select count(*) n from contacts where workspace_id = $1 and merged_into is null",
      [tenant.workspaceId],
    );
    expect(Number(imported.rows[0]?.n)).toBe(people);
    await shot("import-3-done");

    await page.getByRole("link", { name: "View contacts" }).click();
    await page.waitForURL(/\/contacts$/);
    await visible("Show more").toBe(true);
    await shot("contacts-after-import");
    await page.getByLabel("Search").fill("guest1@example.com");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/q=guest1/);
    await visible("Guest1 Ivanov").toBe(true);
    await page.getByRole("link", { name: "Guest1 Ivanov" }).first().click();
    await visible("gold").toBe(false); // properties stay folded until asked for
    await page.getByText("Show 1 property").click();
    await visible(/"plan": "gold"/).toBe(true);
    await shot("contact-card-imported");
  }, 300_000);

  it("shows the same screens in Russian", async () => {
    const cardUrl = page.url();
    await page.evaluate(() => localStorage.setItem("voronka.locale", "ru"));
    await page.reload();
    await visible("Хронология").toBe(true);
    await shot("contact-card-imported.ru");

    await page.goto(`${server.url}/contacts`);
    await visible("Показать ещё").toBe(true);
    await shot("contacts-after-import.ru");

    await page.goto(`${server.url}/contacts/import`);
    await visible("Недавние импорты").toBe(true);
    await visible(/новых: [\d\s\u00a0]+ · обновлено: /).toBe(true);
    await shot("import-1-choose.ru");

    await page.getByLabel("CSV-файл").setInputFiles({
      name: "guests.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(guestList().csv),
    });
    await visible("Сопоставьте столбцы с полями контакта").toBe(true);
    await shot("import-2-map.ru");
    await page.evaluate(() => localStorage.setItem("voronka.locale", "en"));
    expect(cardUrl).toMatch(/\/contacts\/[0-9a-f-]{36}$/);
  });
});
