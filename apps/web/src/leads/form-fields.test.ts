import { describe, expect, it } from "vitest";
import { fieldProblem, fieldsOf, moveRow, rowsOf } from "./form-fields.ts";

describe("form field rows", () => {
  it("keeps the saved order first and the hidden fields after", () => {
    const rows = rowsOf(["phone", "name"]);
    expect(rows.map((r) => `${r.field}:${r.shown}`)).toEqual([
      "phone:true",
      "name:true",
      "email:false",
      "message:false",
    ]);
    expect(fieldsOf(rows)).toEqual(["phone", "name"]);
  });

  it("moves a field and saves the new order; the ends stay put", () => {
    const rows = rowsOf(["name", "email", "phone"]);
    expect(fieldsOf(moveRow(rows, 2, -1))).toEqual(["name", "phone", "email"]);
    expect(fieldsOf(moveRow(rows, 0, -1))).toEqual(["name", "email", "phone"]);
  });

  it("refuses a form that cannot tell who wrote", () => {
    expect(fieldProblem(rowsOf(["name", "message"]))).toBe("noContact");
    expect(fieldProblem(rowsOf(["name"]).map((r) => ({ ...r, shown: false })))).toBe("none");
    expect(fieldProblem(rowsOf(["phone"]))).toBeNull();
  });
});
