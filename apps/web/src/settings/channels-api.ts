import { ChannelSettings, type UpdateChannelSettingsBody, WebhookSecret } from "@voronka/contract";
import { request } from "../api/client.ts";

export type ChannelSettingsData = ChannelSettings;
export type ChannelSettingsPatch = UpdateChannelSettingsBody;

/** Typed calls to the channel settings API. */
export const channelsApi = {
  settings: () => request("GET", "/api/channels/settings", ChannelSettings),
  update: (patch: ChannelSettingsPatch) =>
    request("PATCH", "/api/channels/settings", ChannelSettings, patch),
  rotateWebhookSecret: () => request("POST", "/api/channels/webhook-secret", WebhookSecret),
};
