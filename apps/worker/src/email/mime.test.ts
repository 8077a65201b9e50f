import { generateKeyPairSync } from "node:crypto";
import {
  composeMessage,
  dkimDnsRecord,
  encodeMailbox,
  encodeText,
  quotedPrintable,
} from "@voronka/email";
// The package entry loads BIMI (undici 8, Node 22); the DKIM verifier alone runs on Node 20.
import { dkimVerify } from "mailauth/lib/dkim/verify";
import { describe, expect, it } from "vitest";

/** An independent quoted-printable decoder (RFC 2045 §6.7) for the round trip. */
function decodeQp(qp: string): string {
  const bytes: number[] = [];
  const text = qp.replace(/=\r\n/g, "");
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=") {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes).toString("utf8");
}

const samples = [
  "",
  "plain",
  `<td style="font-size:0px;padding:10px 25px;word-break:break-word;" align="center">${"x=y ".repeat(60)}</td>`,
  "Привет, Анна! Ваш промокод SAVE10 — до пятницы. ".repeat(8),
  "trailing space ",
  `${"a".repeat(74)} `,
  `${"b".repeat(73)}=c`,
  `${"c".repeat(74)}=`,
  "tab\there\tand\t",
  "line one\nline two\r\nline three\n",
  "emoji 🎉 and = signs == at the end=",
  "a lone\rcarriage return\r\nand CRLF",
  `<td style="padding:0" class="x">${'<a href="https://e.test/?a=1&b=2">x</a> '.repeat(12)}\n  </td>`,
];

describe("quotedPrintable", () => {
  it.each(samples.map((s) => [s]))("round-trips with lines of at most 76 characters: %#", (s) => {
    const qp = quotedPrintable(s);
    expect(decodeQp(qp)).toBe(s.replace(/\r?\n/g, "\r\n"));
    for (const line of qp.split("\r\n")) {
      expect(line.length).toBeLessThanOrEqual(76);
      expect(line).not.toMatch(/[ \t]$/);
      expect(line).not.toMatch(/[^\t\x20-\x7e]/);
    }
  });
});

describe("headers", () => {
  it("encodes non-ASCII subjects and names as RFC 2047 words, ASCII as is", () => {
    expect(encodeText("Welcome, Ann!")).toBe("Welcome, Ann!");
    const encoded = encodeText("Скидка 10 % для вас, Анна — только до пятницы");
    expect(encoded).toMatch(/^=\?UTF-8\?B\?/);
    for (const word of encoded.split("\r\n ")) expect(word.length).toBeLessThanOrEqual(75);
    const decoded = encoded
      .split("\r\n ")
      .map((w) => Buffer.from(w.slice(10, -2), "base64"))
      .reduce((a, b) => Buffer.concat([a, b]));
    expect(decoded.toString("utf8")).toBe("Скидка 10 % для вас, Анна — только до пятницы");
    expect(encodeMailbox("Acme", "news@acme.test")).toBe("Acme <news@acme.test>");
    expect(encodeMailbox('Acme "Shop"', "news@acme.test")).toBe(
      '"Acme \\"Shop\\"" <news@acme.test>',
    );
    expect(encodeMailbox("Ромашка", "news@acme.test")).toMatch(
      /^=\?UTF-8\?B\?.+\?= <news@acme\.test>$/,
    );
  });

  it("refuses an address that would break out of its header", () => {
    expect(() => encodeMailbox("x", "a@b.test\r\nBcc: c@d.test")).toThrow(/invalid email address/);
    expect(() => encodeMailbox("x", "a@b.test>, <c@d.test")).toThrow(/invalid email address/);
  });
});

describe("composeMessage", () => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const dns = dkimDnsRecord(
    "shop.test",
    "s1",
    publicKey.export({ type: "spki", format: "der" }).toString("base64"),
  );
  const resolver = async (name: string, type: string) => {
    if (type === "TXT" && name === dns.name) return [[dns.value]];
    throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
  };
  const email = {
    from: { name: "Магазин «Ромашка»", address: "news@shop.test" },
    to: "anna@example.com",
    rendered: {
      subject: "Анна, ваш подарок внутри",
      preheader: "",
      html: `<!doctype html>\n<html><body>\n    <div   style="color:red">  Привет,\tАнна! =)   </div>   \n${"<p>x</p>".repeat(40)}\n\n\n</body></html>`,
      text: "Привет, Анна!   \n\n\n",
    },
    messageId: "<abc@shop.test>",
    unsubscribeUrl: "https://shop.test/e/u/token",
    dkim: { domainName: "shop.test", keySelector: "s1", privateKey: pem },
  };

  it("signs with DKIM (relaxed/relaxed) so that an independent verifier passes it", async () => {
    const raw = await composeMessage(email, new Date("2026-11-25T10:00:00Z"));
    const verified = await dkimVerify(Buffer.from(raw), { resolver });
    expect(verified.results[0]?.status.result).toBe("pass");
    expect(raw).toContain("Date: Wed, 25 Nov 2026 10:00:00 +0000\r\n");
    expect(raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
    // No bare LF anywhere: SMTP wants CRLF.
    expect(raw.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("a changed body or subject fails verification (the signature covers them)", async () => {
    const raw = await composeMessage(email, new Date("2026-11-25T10:00:00Z"));
    const tampered = raw
      .replace("Content-Type: text/html", "Content-Type: text/html ")
      .replace("<p>x</p>", "<p>y</p>");
    // mailauth reports a body-hash mismatch as "neutral", a bad signature as "fail".
    expect(
      (await dkimVerify(Buffer.from(tampered), { resolver })).results[0]?.status.result,
    ).not.toBe("pass");
    const subject = raw.replace(/^Subject: .*$/m, "Subject: other");
    expect(
      (await dkimVerify(Buffer.from(subject), { resolver })).results[0]?.status.result,
    ).not.toBe("pass");
  });

  it("the same send composes to the same bytes (a re-send after a crash is the same message)", async () => {
    const at = new Date("2026-11-25T10:00:00Z");
    expect(await composeMessage(email, at)).toBe(await composeMessage(email, at));
  });
});
