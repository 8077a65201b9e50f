/**
 * One SMTP client connection (RFC 5321) for sending composed messages: greeting, EHLO (HELO
 * when refused), STARTTLS (RFC 3207), AUTH PLAIN/LOGIN (RFC 4954), and per message the
 * envelope with PIPELINING (RFC 2920) when the server offers it — MAIL FROM, RCPT TO and DATA
 * in one write, then the dot-stuffed message in one write: two round trips and two writes per
 * message.
 *
 * Written here rather than through nodemailer's `SMTPConnection` because it is the hot path of
 * sending: nodemailer's connection cost ≈ 0.24 ms of CPU per message here (a byte-by-byte
 * dot-stuffing stream, three writes per message) against ≈ 0.08 ms for this one, and the
 * receiving server spent less too (0.11 against 0.20 ms) — measured with `smtp-server`.
 */

import { isIP, connect as netConnect, type Socket } from "node:net";
import { hostname } from "node:os";
import { StringDecoder } from "node:string_decoder";
import { connect as tlsConnect } from "node:tls";

/** Where and how to connect (see `smtpSender` for the URL form). */
export interface SmtpClientOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465). */
  secure: boolean;
  /** Fail unless the session is encrypted (STARTTLS must be offered). */
  requireTLS: boolean;
  /** Never upgrade with STARTTLS, even when offered. */
  ignoreTLS: boolean;
  /** Verify the server's certificate (default true; false for self-signed test servers). */
  rejectUnauthorized: boolean;
  auth: { user: string; pass: string } | null;
  /** Budget for connecting and setting the session up (TLS, EHLO, login). */
  connectionTimeout: number;
  /** Inactivity after which the connection is closed. */
  socketTimeout: number;
}

/** A failed SMTP step: the server's reply code when it answered (`null` for I/O errors). */
export class SmtpError extends Error {
  override readonly name = "SmtpError";
  constructor(
    message: string,
    readonly responseCode: number | null,
    /** Where it failed: the session (connect, TLS, login), the envelope, or the message. */
    readonly stage: "session" | "envelope" | "message",
  ) {
    super(message);
  }
}

interface Reply {
  code: number;
  text: string;
}

const CRLF = "\r\n";
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const UNSAFE_ADDRESS = /[\u0000-\u001f\u007f<>\s]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: non-ASCII is what it finds
const NON_ASCII = /[^\u0000-\u007f]/;

/** The name we greet with: the host name when it is a domain, else our address literal. */
function ehloName(): string {
  const name = hostname();
  if (!name.includes(".")) return "[127.0.0.1]";
  return isIP(name) === 4 ? `[${name}]` : name;
}

const ok = (r: Reply) => r.code >= 200 && r.code < 300;
const describe = (r: Reply) => `${r.code} ${r.text}`;

/** Whether every CR and LF of the text is part of a CRLF pair (scanned, not by a regex). */
function onlyCrlf(text: string): boolean {
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) {
    if (text.charCodeAt(at - 1) !== 0x0d) return false;
  }
  for (let at = text.indexOf("\r"); at >= 0; at = text.indexOf("\r", at + 1)) {
    if (text.charCodeAt(at + 1) !== 0x0a) return false;
  }
  return true;
}

/**
 * The message as it goes after DATA: every line end CRLF (a bare CR or LF would let a receiver
 * see a different end of data — SMTP smuggling), lines starting with "." doubled, ended by
 * CRLF "." CRLF. Composed messages are CRLF-only and seldom have a line starting with ".", so
 * the common case is two scans and no copy.
 */
export function dataBlock(raw: string): string {
  const crlf = onlyCrlf(raw) ? raw : raw.replace(/\r\n|\r|\n/g, CRLF);
  const stuffed =
    crlf.startsWith(".") || crlf.includes("\r\n.") ? crlf.replace(/(^|\r\n)\./g, "$1..") : crlf;
  return stuffed.endsWith(CRLF) || stuffed === ""
    ? `${stuffed}.${CRLF}`
    : `${stuffed}${CRLF}.${CRLF}`;
}

/** An open, greeted (and logged-in) SMTP session that sends one message at a time. */
export class SmtpClient {
  private socket: Socket;
  private decoder = new StringDecoder("utf8");
  private pending = "";
  private lines: string[] = [];
  private readonly waiting: Array<{ resolve(r: Reply): void; reject(e: SmtpError): void }> = [];
  private capabilities = new Set<string>();
  private authMethods: string[] = [];
  private endListeners: Array<() => void> = [];
  /** The connection is closed or unusable. */
  dead = false;

  private constructor(
    socket: Socket,
    private readonly options: SmtpClientOptions,
  ) {
    this.socket = socket;
    this.attach(socket);
  }

  /** Connects, reads the greeting, says EHLO, upgrades to TLS and logs in as configured. */
  static async open(options: SmtpClientOptions): Promise<SmtpClient> {
    const socket = options.secure
      ? tlsConnect({
          host: options.host,
          port: options.port,
          ...(isIP(options.host) ? {} : { servername: options.host }),
          rejectUnauthorized: options.rejectUnauthorized,
        })
      : netConnect({ host: options.host, port: options.port });
    const client = new SmtpClient(socket, options);
    const timer = setTimeout(
      () => client.fail(new SmtpError("SMTP connection timed out", null, "session")),
      options.connectionTimeout,
    );
    try {
      await client.setUp();
      return client;
    } catch (err) {
      client.close();
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs `listener` once when the connection ends (closed by either side, or an error). */
  onEnd(listener: () => void): void {
    if (this.dead) listener();
    else this.endListeners.push(listener);
  }

  /**
   * Sends one message to one recipient; resolves with the server's final reply. A refused
   * envelope or message rejects with an `SmtpError` carrying the reply code, and leaves the
   * session usable after `reset()`.
   */
  async send(from: string, to: string, raw: string): Promise<string> {
    for (const a of [from, to]) {
      if (UNSAFE_ADDRESS.test(a)) {
        throw new SmtpError(`invalid address ${JSON.stringify(a)}`, null, "envelope");
      }
    }
    const utf8 =
      (NON_ASCII.test(from) || NON_ASCII.test(to)) && this.capabilities.has("SMTPUTF8")
        ? " SMTPUTF8"
        : "";
    const commands = [`MAIL FROM:<${from}>${utf8}`, `RCPT TO:<${to}>`, "DATA"];
    let replies: Reply[];
    if (this.capabilities.has("PIPELINING")) {
      const expected = commands.map(() => this.reply());
      this.write(commands.join(CRLF) + CRLF);
      replies = await Promise.all(expected);
    } else {
      replies = [];
      for (const c of commands) {
        const r = await this.command(c);
        replies.push(r);
        if (!ok(r) && c !== "DATA") break;
      }
    }
    const [mail, rcpt, data] = replies;
    const refused = [mail, rcpt].find((r) => r && !ok(r));
    if (data && data.code >= 300 && data.code < 400 && (refused || !mail || !rcpt)) {
      // A server that took DATA after refusing the envelope: end the empty message, it has
      // no recipient. (With a refused sender the session cannot be trusted: drop it.)
      if (mail && !ok(mail)) this.close();
      else await this.command(".").catch(() => undefined);
    }
    if (refused) throw new SmtpError(describe(refused), refused.code, "envelope");
    if (!data || data.code < 300 || data.code >= 400) {
      const r = data ?? { code: 0, text: "no reply to DATA" };
      throw new SmtpError(describe(r), r.code || null, "envelope");
    }
    const final = this.reply();
    this.write(dataBlock(raw));
    const r = await final;
    if (!ok(r)) throw new SmtpError(describe(r), r.code, "message");
    return describe(r);
  }

  /** Ends a refused transaction (RSET), keeping the session. */
  async reset(): Promise<void> {
    const r = await this.command("RSET");
    if (!ok(r)) throw new SmtpError(describe(r), r.code, "session");
  }

  /** Says QUIT and closes. */
  quit(): void {
    if (this.dead) return;
    this.reply().catch(() => undefined);
    this.write(`QUIT${CRLF}`);
    this.socket.end();
    this.markDead();
  }

  /** Closes at once. */
  close(): void {
    this.fail(new SmtpError("SMTP connection closed", null, "session"));
  }

  // -------------------------------------------------------------------------------------------

  private async setUp(): Promise<void> {
    const greeting = await this.reply();
    if (greeting.code !== 220) throw new SmtpError(describe(greeting), greeting.code, "session");
    await this.hello();
    if (!this.options.secure && !this.options.ignoreTLS && this.capabilities.has("STARTTLS")) {
      const r = await this.command("STARTTLS");
      if (r.code !== 220) throw new SmtpError(describe(r), r.code, "session");
      await this.upgrade();
      await this.hello();
    } else if (!this.options.secure && this.options.requireTLS) {
      throw new SmtpError("the SMTP server does not offer STARTTLS", null, "session");
    }
    if (this.options.auth) await this.login(this.options.auth);
  }

  private async hello(): Promise<void> {
    let r = await this.command(`EHLO ${ehloName()}`);
    if (!ok(r)) {
      r = await this.command(`HELO ${ehloName()}`);
      if (!ok(r)) throw new SmtpError(describe(r), r.code, "session");
      this.capabilities = new Set();
      return;
    }
    const lines = r.text.split("\n").slice(1);
    this.capabilities = new Set(lines.map((l) => (l.split(" ")[0] ?? "").toUpperCase()));
    const auth = lines.find((l) => /^AUTH[ =]/i.test(l));
    this.authMethods = auth ? auth.slice(5).toUpperCase().split(/\s+/) : [];
  }

  private upgrade(): Promise<void> {
    const raw = this.socket;
    raw.removeAllListeners("data");
    raw.removeAllListeners("error");
    raw.removeAllListeners("close");
    raw.removeAllListeners("timeout");
    raw.setTimeout(0);
    const secure = tlsConnect({
      socket: raw,
      ...(isIP(this.options.host) ? {} : { servername: this.options.host }),
      rejectUnauthorized: this.options.rejectUnauthorized,
    });
    this.socket = secure;
    this.attach(secure);
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(new SmtpError(err.message, null, "session"));
      const onClose = () =>
        reject(new SmtpError("the TLS handshake did not finish", null, "session"));
      secure.once("error", onError);
      secure.once("close", onClose);
      secure.once("secureConnect", () => {
        secure.off("error", onError);
        secure.off("close", onClose);
        resolve();
      });
    });
  }

  private async login(auth: { user: string; pass: string }): Promise<void> {
    const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
    let r: Reply;
    if (this.authMethods.includes("PLAIN")) {
      r = await this.command(`AUTH PLAIN ${b64(`\u0000${auth.user}\u0000${auth.pass}`)}`);
    } else if (this.authMethods.includes("LOGIN")) {
      r = await this.command("AUTH LOGIN");
      if (r.code === 334) r = await this.command(b64(auth.user));
      if (r.code === 334) r = await this.command(b64(auth.pass));
    } else {
      throw new SmtpError("the SMTP server offers no login method we know", null, "session");
    }
    if (r.code !== 235) throw new SmtpError(`login refused: ${describe(r)}`, r.code, "session");
  }

  private attach(socket: Socket): void {
    socket.setNoDelay(true);
    socket.setTimeout(this.options.socketTimeout);
    socket.on("data", (chunk: Buffer) => this.read(this.decoder.write(chunk)));
    socket.on("timeout", () => this.fail(new SmtpError("SMTP socket timed out", null, "session")));
    socket.on("error", (err) => this.fail(new SmtpError(err.message, null, "session")));
    socket.on("close", () =>
      this.fail(new SmtpError("the SMTP server closed the connection", null, "session")),
    );
  }

  private read(text: string): void {
    this.pending += text;
    let at = this.pending.indexOf("\n");
    while (at >= 0) {
      const line = this.pending.slice(0, at).replace(/\r$/, "");
      this.pending = this.pending.slice(at + 1);
      at = this.pending.indexOf("\n");
      this.lines.push(line);
      if (line.charAt(3) === "-") continue;
      const code = Number(line.slice(0, 3));
      const text = this.lines.map((l) => l.slice(4)).join("\n");
      this.lines = [];
      const waiter = this.waiting.shift();
      if (waiter && Number.isInteger(code) && code >= 200) {
        waiter.resolve({ code, text });
        continue;
      }
      // A reply nobody asked for (a 421 before closing) or no reply code at all.
      const err = new SmtpError(`unexpected reply: ${line}`, Number(code) || null, "session");
      if (waiter) waiter.reject(err);
      this.fail(err);
      return;
    }
  }

  private reply(): Promise<Reply> {
    if (this.dead) {
      return Promise.reject(new SmtpError("SMTP connection closed", null, "session"));
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private async command(line: string): Promise<Reply> {
    const r = this.reply();
    this.write(line + CRLF);
    return r;
  }

  private write(data: string): void {
    if (!this.dead) this.socket.write(data, "utf8");
  }

  private markDead(): void {
    if (this.dead) return;
    this.dead = true;
    for (const listener of this.endListeners.splice(0)) listener();
  }

  private fail(err: SmtpError): void {
    for (const w of this.waiting.splice(0)) w.reject(err);
    if (!this.socket.destroyed) this.socket.destroy();
    this.markDead();
  }
}
