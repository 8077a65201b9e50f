import { createRoute } from "@hono/zod-openapi";
import { ChannelSettings, UpdateChannelSettingsBody, WebhookSecret } from "@voronka/contract";
import {
  type ChannelSettingsRow,
  getChannelSettings,
  rotateWebhookSecret,
  saveChannelSettings,
  tokenHint,
} from "@voronka/db";
import { requireAuth } from "../../middleware/auth.ts";
import { authErrors, badRequest, json, router, secured } from "../../openapi.ts";

const base = { tags: ["Channels"], middleware: [requireAuth], security: secured };

const secret = (sealed: string | null) => ({ set: sealed !== null, hint: tokenHint(sealed) });

/** What the API shows of the settings: never a token in full, only its last four characters. */
export function toChannelSettings(row: ChannelSettingsRow | null): ChannelSettings {
  const r = row;
  return {
    telegram: {
      configured: !!r?.telegramTokenEnc,
      token: secret(r?.telegramTokenEnc ?? null),
      baseUrl: r?.telegramBaseUrl ?? null,
    },
    whatsapp: {
      configured: !!(r?.whatsappTokenEnc && r.whatsappPhoneNumberId),
      phoneNumberId: r?.whatsappPhoneNumberId ?? null,
      token: secret(r?.whatsappTokenEnc ?? null),
      templateLanguage: r?.whatsappLanguage ?? "en",
      baseUrl: r?.whatsappBaseUrl ?? null,
    },
    viber: {
      configured: !!r?.viberTokenEnc,
      token: secret(r?.viberTokenEnc ?? null),
      senderName: r?.viberSenderName ?? null,
      baseUrl: r?.viberBaseUrl ?? null,
    },
    sms: {
      configured: !!(r?.smsAuthTokenEnc && r.smsAccountSid && r.smsFrom),
      accountSid: r?.smsAccountSid ?? null,
      authToken: secret(r?.smsAuthTokenEnc ?? null),
      from: r?.smsFrom ?? null,
      baseUrl: r?.smsBaseUrl ?? null,
    },
    webhooks: {
      signingSecret: secret(r?.webhookSecretEnc ?? null),
      allowPrivateNetworks: r?.allowPrivateWebhooks ?? false,
    },
  };
}

const get = createRoute({
  ...base,
  method: "get",
  path: "/api/channels/settings",
  summary: "Messenger, SMS and webhook settings of the workspace",
  description:
    "Tokens are stored encrypted and never returned; `hint` shows their last four characters.",
  responses: { 200: json(ChannelSettings, "The settings (secrets left out)."), ...authErrors },
});

const update = createRoute({
  ...base,
  method: "patch",
  path: "/api/channels/settings",
  summary: "Set provider credentials, API addresses, or the private-network flag",
  request: {
    body: {
      ...json(UpdateChannelSettingsBody, "Fields to change; null clears one."),
      required: true,
    },
  },
  responses: { 200: json(ChannelSettings, "The settings."), ...badRequest, ...authErrors },
});

const rotate = createRoute({
  ...base,
  method: "post",
  path: "/api/channels/webhook-secret",
  summary: "Create a new webhook signing secret (shown once)",
  description:
    'Webhooks are signed with `Voronka-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (docs/webhooks.md). The old secret stops signing at once.',
  responses: { 201: json(WebhookSecret, "The new secret, in full, this once."), ...authErrors },
});

export const channelSettingsRoutes = router()
  .openapi(get, async (c) => {
    const row = await getChannelSettings(c.get("deps").db, c.get("auth").workspaceId);
    return c.json(toChannelSettings(row), 200);
  })
  .openapi(update, async (c) => {
    const { whatsappTemplateLanguage, allowPrivateNetworks, ...rest } = c.req.valid("json");
    const row = await saveChannelSettings(c.get("deps").db, c.get("auth").workspaceId, {
      ...rest,
      ...(whatsappTemplateLanguage ? { whatsappLanguage: whatsappTemplateLanguage } : {}),
      ...(allowPrivateNetworks === undefined ? {} : { allowPrivateWebhooks: allowPrivateNetworks }),
    });
    return c.json(toChannelSettings(row), 200);
  })
  .openapi(rotate, async (c) => {
    const s = await rotateWebhookSecret(c.get("deps").db, c.get("auth").workspaceId);
    return c.json({ secret: s }, 201);
  });
