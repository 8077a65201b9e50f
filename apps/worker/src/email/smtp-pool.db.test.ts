/**
 * The SMTP connection pool against real `smtp-server` instances: login, connection limit,
 * connections the server closes while idle, and failures that are ours, not the recipient's.
 * (No database is used: it is in the db project because it opens sockets.)
 */
import type { AddressInfo } from "node:net";
import { closeSmtpPools, smtpSender } from "@voronka/email";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";

const servers: SMTPServer[] = [];
afterAll(async () => {
  closeSmtpPools();
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
});

async function server(options: { auth?: boolean; socketTimeout?: number } = {}) {
  const stats = { connections: 0, messages: 0, maxOpen: 0, open: 0 };
  const s = new SMTPServer({
    disabledCommands: options.auth ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    ...(options.socketTimeout ? { socketTimeout: options.socketTimeout } : {}),
    onConnect(_session, cb) {
      stats.connections++;
      stats.open++;
      stats.maxOpen = Math.max(stats.maxOpen, stats.open);
      cb();
    },
    onClose() {
      stats.open--;
    },
    onAuth(auth, _session, cb) {
      if (auth.username === "mailer" && auth.password === "p@ss word") return cb(null, { user: 1 });
      return cb(Object.assign(new Error("Invalid login"), { responseCode: 535 }));
    },
    onData(stream, _session, cb) {
      stream.resume();
      stream.on("end", () => {
        stats.messages++;
        cb();
      });
    },
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.server.address() as AddressInfo; // TCP: an AddressInfo
  return { port, stats };
}

const mail = (n: number) => ({
  from: "news@acme.test",
  to: `person${n}@example.com`,
  raw: `From: news@acme.test\r\nTo: person${n}@example.com\r\nSubject: ${n}\r\n\r\nHello ${n}\r\n`,
});

describe("SMTP pool", () => {
  it("sends many messages concurrently over at most maxConnections connections", async () => {
    const { port, stats } = await server();
    const sender = smtpSender(`smtp://127.0.0.1:${port}?maxConnections=3`);
    const out = await Promise.all(Array.from({ length: 60 }, (_, i) => sender.send(mail(i))));
    expect(out.every((o) => o.ok)).toBe(true);
    expect(stats.messages).toBe(60);
    expect(stats.maxOpen).toBeLessThanOrEqual(3);
    expect(stats.connections).toBeLessThanOrEqual(3);
  });

  it("logs in with the URL's credentials; a refused login is temporary, not a bounce", async () => {
    const { port, stats } = await server({ auth: true });
    const ok = await smtpSender(`smtp://mailer:p%40ss%20word@127.0.0.1:${port}`).send(mail(1));
    expect(ok).toMatchObject({ ok: true });
    const refused = await smtpSender(`smtp://mailer:wrong@127.0.0.1:${port}`).send(mail(2));
    expect(refused).toMatchObject({ ok: false, permanent: false });
    expect(stats.messages).toBe(1);
  });

  it("a connection the server closed while idle is replaced, and the send goes through", async () => {
    const { port, stats } = await server({ socketTimeout: 300 });
    const sender = smtpSender(`smtp://127.0.0.1:${port}?maxConnections=1`);
    expect((await sender.send(mail(1))).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 800));
    expect(await sender.send(mail(2))).toMatchObject({ ok: true });
    expect(stats.messages).toBe(2);
    expect(stats.connections).toBe(2);
  });
});
