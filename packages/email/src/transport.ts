import { SmtpClient, type SmtpClientOptions, SmtpError } from "./smtp-client.ts";

/** What became of handing a message over. */
export type SendOutcome =
  | { ok: true; response: string }
  | { ok: false; permanent: boolean; code: number | null; error: string };

/** A composed message (see `composeMessage`) and its envelope. */
export interface RawMail {
  from: string;
  to: string;
  raw: string;
}

/** Sends through a real SMTP server (pooled connections, one pool per URL). */
export interface SmtpSender {
  send(mail: RawMail): Promise<SendOutcome>;
  close(): void;
}

const pools = new Map<string, SmtpSender>();

/**
 * The shared pooled sender for an SMTP URL: `smtp://user:pass@host:587` (STARTTLS when the
 * server offers it), `smtps://…:465` (TLS from the start). Query options: `maxConnections`
 * (default 8), `maxMessages` per connection (default 1000), `requireTLS`, `ignoreTLS`,
 * `rejectUnauthorized=false` (self-signed test servers).
 *
 * Messages are already composed and signed (`composeMessage`); each pooled connection is an
 * `SmtpClient` (PIPELINING when offered, one write per message body). nodemailer's pooled
 * transport spent ≈ 1.5 ms of CPU per message re-wrapping a raw message in its MIME tree, and
 * its bare `SMTPConnection` ≈ 0.24 ms against ≈ 0.08 ms for `SmtpClient` (see there).
 */
export function smtpSender(url: string): SmtpSender {
  const existing = pools.get(url);
  if (existing) return existing;
  const pool = new Pool(url);
  const sender: SmtpSender = {
    send: (mail) => pool.send(mail),
    close() {
      pools.delete(url);
      pool.close();
    },
  };
  pools.set(url, sender);
  return sender;
}

/** Closes every pool (shutdown, tests). */
export function closeSmtpPools(): void {
  for (const sender of [...pools.values()]) sender.close();
}

interface Job {
  mail: RawMail;
  resolve(outcome: SendOutcome): void;
  /** Sent once on a reused connection the server had closed: the next try gets a fresh one. */
  retried: boolean;
}

interface Conn {
  smtp: SmtpClient;
  busy: boolean;
  messages: number;
  idleSince: number;
}

const IDLE_MS = 30_000;

class Pool {
  private readonly options: SmtpClientOptions;
  private readonly maxConnections: number;
  private readonly maxMessages: number;
  private readonly conns = new Set<Conn>();
  private opening = 0;
  private readonly queue: Job[] = [];
  private closed = false;
  private readonly sweeper: NodeJS.Timeout;

  constructor(url: string) {
    const u = new URL(url);
    const q = u.searchParams;
    const secure = u.protocol === "smtps:" || q.get("secure") === "true";
    this.options = {
      host: u.hostname || "localhost",
      port: u.port ? Number(u.port) : secure ? 465 : 587,
      secure,
      requireTLS: q.get("requireTLS") === "true",
      ignoreTLS: q.get("ignoreTLS") === "true",
      rejectUnauthorized: q.get("rejectUnauthorized") !== "false",
      auth: u.username
        ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }
        : null,
      connectionTimeout: 30_000,
      socketTimeout: 60_000,
    };
    this.maxConnections = Math.max(1, Number(q.get("maxConnections") ?? 8) || 8);
    this.maxMessages = Math.max(1, Number(q.get("maxMessages") ?? 1000) || 1000);
    this.sweeper = setInterval(() => this.closeIdle(), IDLE_MS);
    this.sweeper.unref();
  }

  send(mail: RawMail): Promise<SendOutcome> {
    if (this.closed) return Promise.resolve(classify(new Error("SMTP pool closed")));
    return new Promise((resolve) => {
      this.queue.push({ mail, resolve, retried: false });
      this.pump();
    });
  }

  close(): void {
    this.closed = true;
    clearInterval(this.sweeper);
    for (const c of this.conns) this.drop(c, true);
    for (const job of this.queue.splice(0)) job.resolve(classify(new Error("SMTP pool closed")));
  }

  private pump(): void {
    if (this.closed) return;
    for (const c of this.conns) {
      if (this.queue.length === 0) return;
      if (c.busy || c.smtp.dead) continue;
      const job = this.queue.shift();
      if (job) this.run(c, job);
    }
    // More connections for the jobs still waiting, up to the limit.
    while (
      this.opening < this.queue.length &&
      this.conns.size + this.opening < this.maxConnections
    ) {
      this.open();
    }
  }

  private open(): void {
    this.opening++;
    SmtpClient.open(this.options).then(
      (smtp) => {
        this.opening--;
        if (this.closed) {
          smtp.quit();
          return;
        }
        const conn: Conn = { smtp, busy: false, messages: 0, idleSince: Date.now() };
        smtp.onEnd(() => {
          if (!conn.busy) this.conns.delete(conn);
        });
        this.conns.add(conn);
        this.pump();
      },
      (err: unknown) => {
        this.opening--;
        // Nothing to send over: the waiting jobs fail as temporary, to be retried later.
        // Temporary whatever the reply code: a refused login or TLS is our configuration, not
        // the recipient's address (a 535 must not suppress anyone).
        if (this.conns.size === 0 && this.opening === 0) {
          for (const job of this.queue.splice(0)) {
            job.resolve({ ...classify(err), permanent: false });
          }
        }
        this.pump();
      },
    );
  }

  private run(conn: Conn, job: Job): void {
    conn.busy = true;
    const reused = conn.messages > 0;
    conn.smtp.send(job.mail.from, job.mail.to, job.mail.raw).then(
      (response) => {
        conn.messages++;
        job.resolve({ ok: true, response });
        if (conn.messages >= this.maxMessages) this.drop(conn, true);
        else this.release(conn);
      },
      (err: unknown) => {
        conn.messages++;
        const code = err instanceof SmtpError ? err.responseCode : null;
        const lost = !(err instanceof SmtpError) || (err.stage === "session" && code === null);
        if (lost && reused && !job.retried) {
          // The server closed an idle connection under us: try once more on a fresh one.
          this.drop(conn, false);
          job.retried = true;
          this.queue.unshift(job);
          this.pump();
          return;
        }
        job.resolve(classify(err));
        if (
          err instanceof SmtpError &&
          err.stage !== "session" &&
          code !== 421 &&
          !conn.smtp.dead
        ) {
          // A refused recipient or message: the connection is fine after RSET.
          conn.smtp.reset().then(
            () => this.release(conn),
            () => this.drop(conn, false),
          );
          return;
        }
        this.drop(conn, false);
      },
    );
  }

  private release(conn: Conn): void {
    conn.busy = false;
    conn.idleSince = Date.now();
    if (conn.smtp.dead) this.conns.delete(conn);
    this.pump();
  }

  private drop(conn: Conn, polite: boolean): void {
    this.conns.delete(conn);
    if (polite) conn.smtp.quit();
    else conn.smtp.close();
    this.pump();
  }

  private closeIdle(): void {
    const now = Date.now();
    for (const c of this.conns) {
      if (!c.busy && now - c.idleSince > IDLE_MS) this.drop(c, true);
    }
  }
}

/**
 * 5xx replies are permanent (bounce: suppress the address); 4xx replies, timeouts and
 * connection errors are temporary (retry later).
 */
export function classify(err: unknown): Extract<SendOutcome, { ok: false }> {
  const code =
    typeof err === "object" && err !== null && "responseCode" in err && err.responseCode !== null
      ? Number(err.responseCode)
      : null;
  const message = err instanceof Error ? err.message : String(err);
  const validCode = code !== null && Number.isFinite(code) ? code : null;
  return {
    ok: false,
    permanent: validCode !== null && validCode >= 500 && validCode < 600,
    code: validCode,
    error: message.slice(0, 500),
  };
}
