import { AdAccount } from "@voronka/contract";
import { request, requestNoContent, type Schema } from "../api/client.ts";

export type AdAccountData = ReturnType<typeof AdAccount.parse>;
export type AdPlatformKey = AdAccountData["platform"];

const AccountList: Schema<{ data: AdAccountData[] }> = {
  safeParse(data: unknown) {
    const list = (data as { data?: unknown } | undefined)?.data; // checked by the schema below
    const parsed = AdAccount.array().safeParse(list);
    return parsed.success ? { success: true, data: { data: parsed.data } } : { success: false };
  },
};
const One: Schema<AdAccountData> = AdAccount;

/** What Save sends: blank credentials are left out so the saved values stay. */
export interface SaveAdAccount {
  accountId?: string | null;
  credentials: Record<string, string>;
}

/** Typed calls to the ad platform accounts API. */
export const adAccountsApi = {
  list: () => request("GET", "/api/ad-accounts", AccountList),
  save: (platform: AdPlatformKey, body: SaveAdAccount) =>
    request("PUT", `/api/ad-accounts/${encodeURIComponent(platform)}`, One, body),
  remove: (platform: AdPlatformKey) =>
    requestNoContent("DELETE", `/api/ad-accounts/${encodeURIComponent(platform)}`),
};
