/**
 * A real local SMTP server (the `smtp-server` package) for email tests and the benchmark:
 * records every accepted message raw, and can answer chosen recipients with an error.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMessage {
  from: string;
  to: string[];
  raw: string;
}

export interface TestSmtp {
  url: string;
  messages: ReceivedMessage[];
  /** Replies to RCPT TO of an address with this code and text (e.g. 550 or 451). */
  failRecipient(address: string, code: number, text: string): void;
  close(): Promise<void>;
}

/** Starts an SMTP server on a free port of 127.0.0.1 (no TLS, no auth). */
export async function startTestSmtp(options: { keep?: boolean } = {}): Promise<TestSmtp> {
  const messages: ReceivedMessage[] = [];
  const failures = new Map<string, { code: number; text: string }>();
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const f = failures.get(address.address.toLowerCase());
      if (!f) return callback();
      const err = Object.assign(new Error(f.text), { responseCode: f.code });
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          // A benchmark only counts: it does not keep megabytes of bodies around.
          raw: options.keep === false ? "" : Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo; // listening on TCP: an AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failRecipient(address, code, text) {
      failures.set(address.toLowerCase(), { code, text });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
