/**
 * The bytes of one outgoing email: RFC 5322 headers, a multipart/alternative body (plain text
 * and HTML, quoted-printable) and a DKIM-Signature (RFC 6376, relaxed/relaxed, rsa-sha256).
 *
 * Written here rather than through nodemailer's composer because it is the hot path of
 * sending: nodemailer re-parses the PEM private key for every signature (≈ 2 ms of one core per
 * message) and builds each message through a chain of streams. Here the key is parsed once per
 * signer thread, the RSA signature is computed off the event loop (`signer-pool.ts`), and the
 * message is built as strings. The output of the same inputs is byte-identical,
 * so a re-send after a crash is the same message.
 */
import { createHash } from "node:crypto";
import type { DkimSigner, OutgoingEmail } from "./message.ts";
import { rsaSha256Sign } from "./signer-pool.ts";

const CRLF = "\r\n";

// ---------------------------------------------------------------------------------------------
// Headers

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;
const ATOM_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]*$/;

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`), each at most 75 characters, folded. */
function encodedWords(value: string): string {
  const words: string[] = [];
  let chunk = "";
  let bytes = 0;
  for (const ch of value) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > 45) {
      words.push(`=?UTF-8?B?${Buffer.from(chunk).toString("base64")}?=`);
      chunk = "";
      bytes = 0;
    }
    chunk += ch;
    bytes += n;
  }
  if (chunk) words.push(`=?UTF-8?B?${Buffer.from(chunk).toString("base64")}?=`);
  return words.join(`${CRLF} `);
}

/** An unstructured header value (Subject): as is when plain short ASCII, else encoded words. */
export function encodeText(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, " ");
  if (oneLine.length <= 900 && /^[\x20-\x7e]*$/.test(oneLine)) return oneLine;
  return encodedWords(oneLine);
}

/** An address without anything that could end the header or the address. */
function checkAddress(address: string): string {
  if (CONTROL.test(address) || /[<>,;"\s]/.test(address) || !address.includes("@")) {
    throw new Error(`invalid email address: ${JSON.stringify(address)}`);
  }
  return address;
}

/** `Name <address>` with the display name as an atom phrase, quoted string or encoded words. */
export function encodeMailbox(name: string, address: string): string {
  const a = checkAddress(address);
  const n = name.replace(/[\r\n]+/g, " ").trim();
  if (!n) return a;
  if (ATOM_PHRASE.test(n)) return `${n} <${a}>`;
  if (/^[\x20-\x7e]*$/.test(n)) return `"${n.replace(/(["\\])/g, "\\$1")}" <${a}>`;
  return `${encodedWords(n)} <${a}>`;
}

/** RFC 5322 date (`Wed, 25 Nov 2026 19:53:11 +0000`). */
export function rfc5322Date(d: Date): string {
  return d.toUTCString().replace(/GMT$/, "+0000");
}

// ---------------------------------------------------------------------------------------------
// Quoted-printable (RFC 2045 §6.7), lines of at most 76 characters, CRLF line breaks

const HEX = Array.from(
  { length: 256 },
  (_, i) => `=${i.toString(16).toUpperCase().padStart(2, "0")}`,
);
const PRINTABLE_LINE = /^[\x20-\x7e]*$/;
// Anything but printable ASCII and line breaks (a tab, 8-bit): absent from most HTML emails.
// (Searching for one is ≈ 4× faster than matching the whole text against the allowed set.)
const NOT_PRINTABLE_TEXT = /[^\x20-\x7e\r\n]/;

/**
 * A printable ASCII line whose "=" are already "=3D": cut into soft-broken pieces of at most
 * 75 characters, never inside an "=3D"; a space ending the line is encoded.
 */
function qpEscapedLine(q: string, out: string[]): void {
  let i = 0;
  while (q.length - i > 76) {
    let cut = i + 75;
    if (q.charCodeAt(cut - 1) === 0x3d) cut -= 1;
    else if (q.charCodeAt(cut - 2) === 0x3d) cut -= 2;
    out.push(q.slice(i, cut), "=\r\n");
    i = cut;
  }
  const rest = q.slice(i);
  if (rest.charCodeAt(rest.length - 1) !== 0x20) out.push(rest);
  else if (rest.length <= 73) out.push(`${rest.slice(0, -1)}=20`);
  else out.push(rest.slice(0, -1), "=\r\n=20");
}

function qpLine(line: string, out: string[]): void {
  if (PRINTABLE_LINE.test(line)) {
    qpEscapedLine(line.includes("=") ? line.replace(/=/g, "=3D") : line, out);
    return;
  }
  const bytes = Buffer.from(line, "utf8");
  let current = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    const atEnd = i === bytes.length - 1;
    const token =
      (b >= 0x21 && b <= 0x7e && b !== 0x3d) || ((b === 0x20 || b === 0x09) && !atEnd)
        ? String.fromCharCode(b)
        : (HEX[b] ?? "");
    if (current.length + token.length > 75) {
      out.push(current, "=\r\n");
      current = "";
    }
    current += token;
  }
  out.push(current);
}

/** Whether every CR of the text starts a CRLF. */
function noLoneCr(text: string): boolean {
  for (let at = text.indexOf("\r"); at >= 0; at = text.indexOf("\r", at + 1)) {
    if (text.charCodeAt(at + 1) !== 0x0a) return false;
  }
  return true;
}

/** Quoted-printable encoding of UTF-8 text; `\n` and `\r\n` become CRLF hard breaks. */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  const crlf = text.includes("\r");
  if (!NOT_PRINTABLE_TEXT.test(text) && (!crlf || noLoneCr(text))) {
    // The whole text at once: "=" escaped in one pass; most lines then go out as they are.
    const q = text.includes("=") ? text.replace(/=/g, "=3D") : text;
    const lines = crlf ? q.split(/\r?\n/) : q.split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (i > 0) out.push(CRLF);
      const line = lines[i] ?? "";
      if (line.length <= 76 && line.charCodeAt(line.length - 1) !== 0x20) out.push(line);
      else qpEscapedLine(line, out);
    }
    return out.join("");
  }
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) out.push(CRLF);
    qpLine(lines[i] ?? "", out);
  }
  return out.join("");
}

// ---------------------------------------------------------------------------------------------
// DKIM (RFC 6376)

/** Relaxed header canonicalization: `name:value` lower-cased name, unfolded, spaces squeezed. */
function relaxedHeader(name: string, value: string): string {
  const v = value
    .replace(/\r\n(?=[ \t])/g, "")
    .replace(/[ \t]+/g, " ")
    .trim();
  return `${name.toLowerCase()}:${v}`;
}

/** Relaxed body canonicalization (trailing spaces and empty lines dropped, one final CRLF). */
function relaxedBody(body: string): string {
  // Each pass only when it has something to do (quoted-printable lines never end in a space).
  let b =
    body.includes(" \r\n") || body.includes("\t\r\n") ? body.replace(/[ \t]+\r\n/g, CRLF) : body;
  if (b.includes("\t")) b = b.replace(/[ \t]{2,}|\t/g, " ");
  else if (b.includes("  ")) b = b.replace(/ {2,}/g, " ");
  let end = b.length;
  while (end > 0 && (b[end - 1] === " " || b[end - 1] === "\t")) end--;
  while (end >= 2 && b[end - 2] === "\r" && b[end - 1] === "\n") end -= 2;
  b = b.slice(0, end);
  return b ? b + CRLF : "";
}

/** The DKIM-Signature header line (without CRLF) over the given headers and body. */
export async function dkimSignature(
  dkim: DkimSigner,
  headers: ReadonlyArray<readonly [string, string]>,
  body: string,
  at: Date,
): Promise<string> {
  const bh = createHash("sha256").update(relaxedBody(body)).digest("base64");
  const names = headers.map(([n]) => n.toLowerCase()).join(":");
  const value = [
    "v=1; a=rsa-sha256; c=relaxed/relaxed;",
    ` d=${dkim.domainName}; s=${dkim.keySelector}; t=${Math.floor(at.getTime() / 1000)};`,
    ` h=${names};`,
    ` bh=${bh};`,
    " b=",
  ].join(`${CRLF}`);
  const signed =
    headers.map(([n, v]) => `${relaxedHeader(n, v)}${CRLF}`).join("") +
    relaxedHeader("DKIM-Signature", value);
  const b = await rsaSha256Sign(dkim.privateKey, signed);
  return `DKIM-Signature: ${value}${b}`;
}

// ---------------------------------------------------------------------------------------------
// The message

/** Composes the exact bytes of a message: headers, text + HTML alternatives, DKIM when set. */
export async function composeMessage(e: OutgoingEmail, at: Date = new Date()): Promise<string> {
  const list = [`<${e.unsubscribeUrl}>`];
  if (e.unsubscribeMailto) list.push(`<${e.unsubscribeMailto}>`);
  // "=_" never occurs in quoted-printable text, so the boundary cannot collide with content.
  const boundary = `=_vk_${createHash("sha256").update(e.messageId).digest("hex").slice(0, 32)}`;
  const headers: Array<readonly [string, string]> = [
    ["From", encodeMailbox(e.from.name, e.from.address)],
    ["To", checkAddress(e.to)],
    ["Subject", encodeText(e.rendered.subject)],
    ["Date", rfc5322Date(at)],
    ["Message-ID", e.messageId],
    ["MIME-Version", "1.0"],
    ["Content-Type", `multipart/alternative; boundary="${boundary}"`],
    ["List-Unsubscribe", list.join(", ")],
    ["List-Unsubscribe-Post", "List-Unsubscribe=One-Click"],
  ];
  const part = (type: string, content: string) =>
    `--${boundary}${CRLF}Content-Type: ${type}; charset=utf-8${CRLF}` +
    `Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}${quotedPrintable(content)}${CRLF}`;
  const body =
    part("text/plain", e.rendered.text) +
    part("text/html", e.rendered.html) +
    `--${boundary}--${CRLF}`;
  const head = headers.map(([n, v]) => `${n}: ${v}${CRLF}`).join("");
  const signature = e.dkim ? `${await dkimSignature(e.dkim, headers, body, at)}${CRLF}` : "";
  return `${signature}${head}${CRLF}${body}`;
}
