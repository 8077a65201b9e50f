import { describe, expect, it } from "vitest";
import { clientMessages, serverErrorMessage } from "./messages.ts";

describe("error messages", () => {
  it("keeps the server's words in English", () => {
    expect(serverErrorMessage("not_found", "Journey not found.", "en")).toBe("Journey not found.");
    expect(serverErrorMessage("forbidden", "Owners only.", "en")).toBe("Owners only.");
  });

  it("reads fixed-meaning codes in Russian", () => {
    expect(serverErrorMessage("forbidden", "Owners only.", "ru")).toMatch(/доступа/);
    expect(serverErrorMessage("unauthenticated", "Sign in.", "ru")).toMatch(/Войдите/);
  });

  it("keeps specific validation and conflict messages even in Russian", () => {
    expect(serverErrorMessage("validation_failed", "email: Invalid email", "ru")).toBe(
      "email: Invalid email",
    );
    expect(serverErrorMessage("conflict", "A funnel named Sales exists.", "ru")).toBe(
      "A funnel named Sales exists.",
    );
  });

  it("has every client message in both languages", () => {
    const en = clientMessages("en");
    const ru = clientMessages("ru");
    for (const key of ["unreachable", "badResponse", "unknown"] as const) {
      expect(ru[key]).not.toBe(en[key]);
      expect(ru[key].length).toBeGreaterThan(10);
    }
    expect(ru.status(502, "Bad Gateway")).toBe("Сервер ответил 502 Bad Gateway");
  });
});
