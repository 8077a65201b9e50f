import nodemailer from "nodemailer";

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

/** The shared pooled sender for an SMTP URL (`smtp://user:pass@host:587`). */
export function smtpSender(url: string): SmtpSender {
  const existing = pools.get(url);
  if (existing) return existing;
  const u = new URL(url);
  if (!u.searchParams.has("pool")) u.searchParams.set("pool", "true");
  if (!u.searchParams.has("maxConnections")) u.searchParams.set("maxConnections", "8");
  const transport = nodemailer.createTransport(u.toString());
  const sender: SmtpSender = {
    async send(mail) {
      try {
        // A raw message goes out byte for byte: nodemailer only speaks SMTP here.
        const info = await transport.sendMail({
          envelope: { from: mail.from, to: [mail.to] },
          raw: mail.raw,
        });
        return { ok: true, response: String(info.response ?? "") };
      } catch (err) {
        return classify(err);
      }
    },
    close() {
      pools.delete(url);
      transport.close();
    },
  };
  pools.set(url, sender);
  return sender;
}

/** Closes every pool (shutdown, tests). */
export function closeSmtpPools(): void {
  for (const sender of [...pools.values()]) sender.close();
}

/**
 * 5xx replies are permanent (bounce: suppress the address); 4xx replies, timeouts and
 * connection errors are temporary (retry later).
 */
export function classify(err: unknown): SendOutcome {
  const code =
    typeof err === "object" && err !== null && "responseCode" in err
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
