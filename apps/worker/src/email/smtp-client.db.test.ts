/**
 * The SMTP client connection against real `smtp-server` instances: the bytes arrive as sent
 * (dot-stuffing, line ends), with and without PIPELINING, over STARTTLS and implicit TLS, with
 * AUTH PLAIN or LOGIN, and refusals keep their reply codes. (No database is used: it is in the
 * db project because it opens sockets.)
 */
import type { AddressInfo } from "node:net";
import { closeSmtpPools, dataBlock, smtpSender } from "@voronka/email";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";

const servers: SMTPServer[] = [];
afterAll(async () => {
  closeSmtpPools();
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
});

/** A server that keeps every message's bytes and what the session looked like. */
async function server(options: Partial<SMTPServerOptions> = {}) {
  const got: Array<{ raw: string; secure: boolean; user: unknown; to: string[] }> = [];
  const s = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === "mailer" && auth.password === "secret") return cb(null, { user: "m" });
      return cb(Object.assign(new Error("Invalid login"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith("nobody@")) {
        return cb(Object.assign(new Error("No such user"), { responseCode: 550 }));
      }
      return cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        got.push({
          raw: Buffer.concat(chunks).toString("utf8"),
          secure: session.secure,
          user: session.user,
          to: session.envelope.rcptTo.map((r) => r.address),
        });
        cb();
      });
    },
    ...options,
  });
  // A client refusing the certificate closes mid-handshake: the server reports it as an error.
  s.on("error", () => undefined);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.server.address() as AddressInfo; // TCP: an AddressInfo
  return { port, got };
}

const TRICKY = [
  "From: news@acme.test",
  "To: person@example.com",
  "Subject: dots",
  "",
  ".a line that starts with a dot",
  "..two dots",
  ".",
  "a bare LF follows\nand a bare CR\rend",
  "",
].join("\r\n");

describe("SMTP client", () => {
  it("delivers the exact bytes: leading dots survive, bare CR/LF become CRLF", async () => {
    const { port, got } = await server();
    const out = await smtpSender(`smtp://127.0.0.1:${port}`).send({
      from: "news@acme.test",
      to: "person@example.com",
      raw: TRICKY,
    });
    expect(out).toMatchObject({ ok: true });
    expect(got[0]?.raw).toBe(TRICKY.replace("\nand", "\r\nand").replace("\rend", "\r\nend"));
    expect(dataBlock("a\r\n.b")).toBe("a\r\n..b\r\n.\r\n");
  });

  it("works with a server that does not offer PIPELINING, and keeps a refusal's code", async () => {
    const { port, got } = await server({ hidePIPELINING: true });
    const sender = smtpSender(`smtp://127.0.0.1:${port}?maxConnections=1`);
    const mail = (to: string) => ({ from: "news@acme.test", to, raw: `To: ${to}\r\n\r\nhi\r\n` });
    expect(await sender.send(mail("nobody@example.com"))).toMatchObject({
      ok: false,
      permanent: true,
      code: 550,
    });
    // The session is reused after RSET for the next message.
    expect(await sender.send(mail("a@example.com"))).toMatchObject({ ok: true });
    expect(got.map((g) => g.to)).toEqual([["a@example.com"]]);
  });

  it("refuses a recipient with PIPELINING and still sends the next message", async () => {
    const { port, got } = await server();
    const sender = smtpSender(`smtp://127.0.0.1:${port}?maxConnections=1`);
    const mail = (to: string) => ({ from: "news@acme.test", to, raw: `To: ${to}\r\n\r\nhi\r\n` });
    const out = await Promise.all(
      ["a@example.com", "nobody@example.com", "b@example.com"].map((to) => sender.send(mail(to))),
    );
    expect(out.map((o) => o.ok)).toEqual([true, false, true]);
    expect(out[1]).toMatchObject({ permanent: true, code: 550 });
    expect(got.map((g) => g.to[0])).toEqual(["a@example.com", "b@example.com"]);
  });

  it("upgrades with STARTTLS, logs in with PLAIN or LOGIN, and uses implicit TLS", async () => {
    const plain = await server({ disabledCommands: [], authMethods: ["PLAIN"] });
    const login = await server({ disabledCommands: [], authMethods: ["LOGIN"] });
    const implicit = await server({ secure: true, disabledCommands: ["AUTH"] });
    const mail = { from: "news@acme.test", to: "p@example.com", raw: "Subject: x\r\n\r\nhi\r\n" };
    const q = "rejectUnauthorized=false";
    for (const [url, s] of [
      [`smtp://mailer:secret@127.0.0.1:${plain.port}?${q}`, plain],
      [`smtp://mailer:secret@127.0.0.1:${login.port}?${q}`, login],
      [`smtps://127.0.0.1:${implicit.port}?${q}`, implicit],
    ] as const) {
      expect(await smtpSender(url).send(mail)).toMatchObject({ ok: true });
      expect(s.got[0]).toMatchObject({ secure: true, raw: mail.raw });
    }
    expect(plain.got[0]?.user).toBe("m");
    expect(login.got[0]?.user).toBe("m");
    // A wrong password is a temporary failure (our configuration), not a bounce.
    const refused = await smtpSender(`smtp://mailer:wrong@127.0.0.1:${plain.port}?${q}`).send(mail);
    expect(refused).toMatchObject({ ok: false, permanent: false });
    // A self-signed certificate is refused unless the URL says otherwise.
    const unverified = await smtpSender(`smtps://127.0.0.1:${implicit.port}`).send(mail);
    expect(unverified).toMatchObject({ ok: false, permanent: false });
    expect(implicit.got).toHaveLength(1);
  });

  it("requireTLS refuses a server without STARTTLS instead of sending in the clear", async () => {
    const { port, got } = await server({ disabledCommands: ["STARTTLS", "AUTH"] });
    const out = await smtpSender(`smtp://127.0.0.1:${port}?requireTLS=true`).send({
      from: "news@acme.test",
      to: "p@example.com",
      raw: "Subject: x\r\n\r\nhi\r\n",
    });
    expect(out).toMatchObject({ ok: false, permanent: false });
    expect(got).toHaveLength(0);
  });
});
