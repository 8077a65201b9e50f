import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for the four ad platforms' upload APIs, over real HTTP, built from their
 * documented requests and answers. It checks each request's format (paths, methods, auth,
 * payload shapes, batch limits, that identifiers are SHA-256 hex) and records what it
 * received; a format violation is answered like the platform would (400) and listed in
 * `violations`. `throttle` makes the first N calls per platform answer with that platform's
 * documented rate-limit response, so retries can be tested.
 */

export type FakePlatform = "meta" | "google" | "vk" | "yandex";

export interface Upload {
  platform: FakePlatform;
  /** Audience / user list / segment id. */
  listId: string;
  op: "add" | "remove";
  emails: string[];
  phones: string[];
}

export interface FakeOptions {
  tokens?: Partial<Record<FakePlatform, string>>;
  throttle?: Partial<Record<FakePlatform, number>>;
  /** Seconds sent in Retry-After with rate-limit answers (default 0). */
  retryAfter?: number;
}

export interface FakeAdPlatforms {
  url: string;
  uploads: Upload[];
  violations: string[];
  /** Every request: platform, method, path, status answered. */
  log: { platform: FakePlatform; method: string; path: string; status: number }[];
  /** Google jobs: resource name → state. */
  googleJobs: Map<string, { userList: string; ops: number; ran: boolean }>;
  close(): Promise<void>;
}

const HEX64 = /^[0-9a-f]{64}$/;
export const FAKE_TOKENS: Record<FakePlatform, string> = {
  meta: "EAAB-fake-meta-token",
  google: "ya29.fake-google-token",
  vk: "fake-vk-token",
  yandex: "y0_fake-yandex-token",
};
export const FAKE_GOOGLE_DEVELOPER_TOKEN = "fake-developer-token";

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of req) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeAdPlatforms(options: FakeOptions = {}): Promise<FakeAdPlatforms> {
  const tokens = { ...FAKE_TOKENS, ...options.tokens };
  const throttleLeft = { meta: 0, google: 0, vk: 0, yandex: 0, ...options.throttle };
  const retryAfter = String(options.retryAfter ?? 0);
  const uploads: Upload[] = [];
  const violations: string[] = [];
  const log: FakeAdPlatforms["log"] = [];
  const googleJobs: FakeAdPlatforms["googleJobs"] = new Map();
  let jobCounter = 0;

  const rateLimited: Record<FakePlatform, { status: number; body: unknown }> = {
    meta: {
      status: 400,
      body: {
        error: {
          message:
            "(#80003) There have been too many calls to this ad-account. Wait a bit and try again.",
          type: "OAuthException",
          code: 80003,
          fbtrace_id: "AbCdEf123",
        },
      },
    },
    google: {
      status: 429,
      body: {
        error: {
          code: 429,
          message: "Resource has been exhausted (e.g. check quota).",
          status: "RESOURCE_EXHAUSTED",
        },
      },
    },
    vk: { status: 429, body: { error: { code: "throttling", message: "Too many requests" } } },
    yandex: {
      status: 429,
      body: {
        errors: [{ error_type: "quota", message: "Quota exceeded" }],
        code: 429,
        message: "Quota exceeded",
      },
    },
  };

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<[FakePlatform, number]> {
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    const body = await readBody(req);
    const path = url.pathname;
    const platform: FakePlatform | undefined = path.startsWith("/meta/")
      ? "meta"
      : path.startsWith("/google/")
        ? "google"
        : path.startsWith("/vk/")
          ? "vk"
          : path.startsWith("/yandex/")
            ? "yandex"
            : undefined;
    if (!platform) {
      send(res, 404, { error: "unknown platform path" });
      return ["meta", 404];
    }
    const bad = (message: string, status = 400) => {
      violations.push(`${platform} ${method} ${path}: ${message}`);
      send(res, status, { error: { message } });
      return [platform, status] as [FakePlatform, number];
    };
    if ((throttleLeft[platform] ?? 0) > 0) {
      throttleLeft[platform]--;
      const r = rateLimited[platform];
      send(res, r.status, r.body, { "retry-after": retryAfter });
      return [platform, r.status];
    }
    const auth = req.headers.authorization ?? "";

    if (platform === "meta") {
      const m = /^\/meta\/v[\d.]+\/(\d+)\/users$/.exec(path);
      if (!m) return bad("expected /{version}/{audience_id}/users");
      if (method !== "POST" && method !== "DELETE") return bad("method must be POST or DELETE");
      if (!(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
        return bad("payload must be form-encoded");
      }
      const form = new URLSearchParams(body.toString("utf8"));
      if (form.get("access_token") !== tokens.meta) return bad("invalid access token", 401);
      let payload: { schema?: unknown; data?: unknown };
      try {
        payload = JSON.parse(form.get("payload") ?? "");
      } catch {
        return bad("payload is not JSON");
      }
      if (JSON.stringify(payload.schema) !== JSON.stringify(["EMAIL", "PHONE"])) {
        return bad(`unexpected schema ${JSON.stringify(payload.schema)}`);
      }
      if (!Array.isArray(payload.data) || payload.data.length === 0) return bad("no data");
      if (payload.data.length > 10_000) return bad("more than 10000 records in one call");
      const emails: string[] = [];
      const phones: string[] = [];
      for (const row of payload.data) {
        if (!Array.isArray(row) || row.length !== 2) return bad("each row must match the schema");
        const [e, p] = row as unknown[];
        if (typeof e !== "string" || typeof p !== "string") return bad("values must be strings");
        if ((e && !HEX64.test(e)) || (p && !HEX64.test(p)) || (!e && !p)) {
          return bad("values must be SHA-256 hex (empty string for a missing key)");
        }
        if (e) emails.push(e);
        if (p) phones.push(p);
      }
      uploads.push({
        platform,
        listId: m[1] ?? "",
        op: method === "POST" ? "add" : "remove",
        emails,
        phones,
      });
      send(res, 200, {
        audience_id: m[1],
        session_id: String(9_000_000 + uploads.length),
        num_received: payload.data.length,
        num_invalid_entries: 0,
        invalid_entry_samples: {},
      });
      return [platform, 200];
    }

    if (platform === "google") {
      if (method !== "POST") return bad("method must be POST");
      if (auth !== `Bearer ${tokens.google}`) return bad("invalid OAuth token", 401);
      if (req.headers["developer-token"] !== FAKE_GOOGLE_DEVELOPER_TOKEN) {
        return bad("missing developer-token header", 401);
      }
      let json: Record<string, unknown>;
      try {
        json = JSON.parse(body.toString("utf8"));
      } catch {
        return bad("body is not JSON");
      }
      const create = /^\/google\/v\d+\/customers\/(\d+)\/offlineUserDataJobs:create$/.exec(path);
      if (create) {
        const job = json.job as {
          type?: string;
          customerMatchUserListMetadata?: { userList?: string };
        };
        if (job?.type !== "CUSTOMER_MATCH_USER_LIST")
          return bad("job type must be CUSTOMER_MATCH_USER_LIST");
        const userList = job.customerMatchUserListMetadata?.userList ?? "";
        if (!new RegExp(`^customers/${create[1]}/userLists/\\d+$`).test(userList)) {
          return bad(
            "customerMatchUserListMetadata.userList must be customers/{id}/userLists/{id}",
          );
        }
        const resourceName = `customers/${create[1]}/offlineUserDataJobs/${++jobCounter}`;
        googleJobs.set(resourceName, { userList, ops: 0, ran: false });
        send(res, 200, { resourceName });
        return [platform, 200];
      }
      const op =
        /^\/google\/v\d+\/(customers\/\d+\/offlineUserDataJobs\/\d+):(addOperations|run)$/.exec(
          path,
        );
      const job = op ? googleJobs.get(op[1] ?? "") : undefined;
      if (!op || !job) return bad("unknown job", 404);
      if (job.ran) return bad("job already ran");
      if (op[2] === "run") {
        job.ran = true;
        send(res, 200, {
          name: `${op[1]?.replace(/offlineUserDataJobs\/\d+/, "operations")}/run-${jobCounter}`,
        });
        return [platform, 200];
      }
      const operations = json.operations;
      if (!Array.isArray(operations) || operations.length === 0) return bad("no operations");
      if (operations.length > 100_000) return bad("too many operations in one request");
      const kinds = new Set<string>();
      const emails: string[] = [];
      const phones: string[] = [];
      for (const o of operations as Record<string, { userIdentifiers?: unknown }>[]) {
        const kind = Object.keys(o)[0] ?? "";
        if (kind !== "create" && kind !== "remove") return bad(`unknown operation ${kind}`);
        kinds.add(kind);
        const ids = o[kind]?.userIdentifiers;
        if (!Array.isArray(ids) || ids.length === 0) return bad("userIdentifiers missing");
        for (const id of ids as Record<string, unknown>[]) {
          const [k, v] = Object.entries(id)[0] ?? [];
          if (typeof v !== "string" || !HEX64.test(v)) return bad(`${k} must be SHA-256 hex`);
          if (k === "hashedEmail") emails.push(v);
          else if (k === "hashedPhoneNumber") phones.push(v);
          else return bad(`unexpected identifier ${k}`);
        }
      }
      job.ops += operations.length;
      for (const kind of kinds) {
        uploads.push({
          platform,
          listId: job.userList.split("/").pop() ?? "",
          op: kind === "create" ? "add" : "remove",
          emails,
          phones,
        });
      }
      send(res, 200, {});
      return [platform, 200];
    }

    // VK Ads and Yandex Audience: multipart file uploads.
    if (method !== "POST") return bad("method must be POST");
    const contentType = req.headers["content-type"] ?? "";
    if (!contentType.startsWith("multipart/form-data")) return bad("expected multipart/form-data");
    const form = await new Request("http://fake/", {
      method: "POST",
      headers: { "content-type": contentType },
      body: new Uint8Array(body),
    }).formData();
    const file = form.get("file");
    if (!(file instanceof Blob)) return bad("no file part");
    const text = await file.text();

    if (platform === "vk") {
      if (auth !== `Bearer ${tokens.vk}`) return bad("invalid token", 401);
      const m = /^\/vk\/api\/v3\/remarketing\/users_lists\/(\d+)\/(append|remove)\.json$/.exec(
        path,
      );
      if (!m) return bad("unknown users list path", 404);
      const type = form.get("type");
      if (type !== "email" && type !== "phone") return bad("type must be email or phone");
      const lines = text.split("\n").filter((l) => l.length > 0);
      if (lines.some((l) => !HEX64.test(l))) return bad("one SHA-256 hex hash per line");
      uploads.push({
        platform,
        listId: m[1] ?? "",
        op: m[2] === "append" ? "add" : "remove",
        emails: type === "email" ? lines : [],
        phones: type === "phone" ? lines : [],
      });
      send(res, 200, { id: Number(m[1]), status: "receiving", entries_count: lines.length });
      return [platform, 200];
    }

    if (auth !== `OAuth ${tokens.yandex}`) return bad("invalid OAuth token", 403);
    const m = /^\/yandex\/v1\/management\/segment\/(\d+)\/modify_data$/.exec(path);
    if (!m) return bad("unknown segment path", 404);
    const type = url.searchParams.get("modification_type");
    if (type !== "addition" && type !== "subtraction") return bad("modification_type");
    const [header, ...rows] = text.split("\n").filter((l) => l.length > 0);
    if (header !== "email,phone") return bad(`CSV header must be email,phone (got ${header})`);
    const emails: string[] = [];
    const phones: string[] = [];
    for (const row of rows) {
      const [e = "", p = ""] = row.split(",");
      if ((e && !HEX64.test(e)) || (p && !HEX64.test(p)) || (!e && !p)) {
        return bad("cells must be SHA-256 hex");
      }
      if (e) emails.push(e);
      if (p) phones.push(p);
    }
    uploads.push({
      platform,
      listId: m[1] ?? "",
      op: type === "addition" ? "add" : "remove",
      emails,
      phones,
    });
    send(res, 200, {
      segment: {
        id: Number(m[1]),
        name: "Voronka segment",
        type: "uploading",
        status: "is_processed",
        hashed: true,
        content_type: "crm",
      },
    });
    return [platform, 200];
  }

  const server = createServer((req, res) => {
    handle(req, res)
      .then(([platform, status]) =>
        log.push({ platform, method: req.method ?? "", path: req.url ?? "", status }),
      )
      .catch((err: unknown) => {
        violations.push(`fake server error: ${String(err)}`);
        if (!res.headersSent) send(res, 500, { error: String(err) });
      });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // Listening on a TCP port, so address() is an AddressInfo, not a pipe name.
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    uploads,
    violations,
    log,
    googleJobs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Base URLs of the fake for each platform, as a workspace would configure them. */
export function fakeBaseUrls(url: string): Record<FakePlatform, string> {
  return {
    meta: `${url}/meta/v21.0`,
    google: `${url}/google/v17`,
    vk: `${url}/vk`,
    yandex: `${url}/yandex`,
  };
}
