import { AppError } from "@voronka/core";
import type { AdAccountConfig, AdapterOptions, AdSession, UploadOp } from "./adapter.ts";
import { callPlatform, chunks, DEFAULT_RETRY, type PlatformResponse } from "./http.ts";
import { hashIdentifiers } from "./normalize.ts";

/** Operations per AddOfflineUserDataJobOperations request (Google allows up to 100,000). */
export const GOOGLE_BATCH = 10_000;
export const GOOGLE_BASE_URL = "https://googleads.googleapis.com/v17";

function googleRetryable(res: PlatformResponse): boolean {
  // RESOURCE_EXHAUSTED (quota), UNAVAILABLE and ABORTED (e.g. CONCURRENT_MODIFICATION) are
  // transient; Google's JSON errors carry the gRPC status name.
  const status =
    typeof res.json === "object" && res.json !== null && "error" in res.json
      ? (res.json.error as { status?: unknown } | null)?.status
      : undefined;
  return (
    status === "RESOURCE_EXHAUSTED" ||
    status === "UNAVAILABLE" ||
    status === "ABORTED" ||
    res.text.includes("CONCURRENT_MODIFICATION")
  );
}

/**
 * Google Ads Customer Match through OfflineUserDataJobService: per sync and per direction one
 * job (`offlineUserDataJobs:create`, type CUSTOMER_MATCH_USER_LIST), operations added in
 * batches (`:addOperations`, `create` or `remove` with `userIdentifiers` `hashedEmail` /
 * `hashedPhoneNumber`), then `:run`. `externalId` is the user list id (or its resource name).
 */
export function googleSession(
  account: AdAccountConfig,
  userListId: string,
  options: AdapterOptions = {},
): AdSession {
  const { developerToken, accessToken, loginCustomerId } = account.credentials;
  if (!developerToken || !accessToken) {
    throw new AppError(
      "validation_failed",
      "The Google Ads account needs a developer token and an access token.",
    );
  }
  const customerId = (account.accountId ?? "").replace(/\D/g, "");
  if (!customerId)
    throw new AppError("validation_failed", "The Google Ads customer id is missing.");
  const base = account.baseUrl.replace(/\/$/, "");
  const userList = userListId.startsWith("customers/")
    ? userListId
    : `customers/${customerId}/userLists/${userListId}`;
  const headers: Record<string, string> = {
    authorization: `Bearer ${accessToken}`,
    "developer-token": developerToken,
    "content-type": "application/json",
  };
  if (loginCustomerId) headers["login-customer-id"] = loginCustomerId.replace(/\D/g, "");
  const stats = { sent: 0, skipped: 0, requests: 0 };
  const jobs = new Map<UploadOp, string>();
  const call = (url: string, body: unknown) =>
    callPlatform(
      "Google Ads",
      url,
      { method: "POST", headers, body: JSON.stringify(body) },
      {
        retry: options.retry ?? DEFAULT_RETRY,
        isRetryable: googleRetryable,
        stats,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      },
    );

  async function jobFor(op: UploadOp): Promise<string> {
    const known = jobs.get(op);
    if (known) return known;
    const res = await call(`${base}/customers/${customerId}/offlineUserDataJobs:create`, {
      job: {
        type: "CUSTOMER_MATCH_USER_LIST",
        customerMatchUserListMetadata: {
          userList,
          consent: { adUserData: "GRANTED", adPersonalization: "GRANTED" },
        },
      },
    });
    const name =
      typeof res.json === "object" && res.json !== null && "resourceName" in res.json
        ? res.json.resourceName
        : undefined;
    if (typeof name !== "string") {
      throw new AppError("bad_request", "Google Ads did not return the job's resource name.");
    }
    jobs.set(op, name);
    return name;
  }

  return {
    async send(op, contacts) {
      const operations: unknown[] = [];
      for (const c of contacts) {
        const h = hashIdentifiers("google", c);
        const userIdentifiers: Record<string, string>[] = [];
        if (h.email) userIdentifiers.push({ hashedEmail: h.email });
        if (h.phone) userIdentifiers.push({ hashedPhoneNumber: h.phone });
        if (userIdentifiers.length === 0) stats.skipped++;
        else operations.push({ [op === "add" ? "create" : "remove"]: { userIdentifiers } });
      }
      if (operations.length === 0) return;
      const job = await jobFor(op);
      for (const batch of chunks(operations, GOOGLE_BATCH)) {
        await call(`${base}/${job}:addOperations`, {
          enablePartialFailure: true,
          operations: batch,
        });
        stats.sent += batch.length;
      }
    },
    async finish() {
      // Removes first: a list is never briefly larger than it should be.
      for (const op of ["remove", "add"] as const) {
        const job = jobs.get(op);
        if (job) await call(`${base}/${job}:run`, {});
      }
      return { ...stats };
    },
  };
}
