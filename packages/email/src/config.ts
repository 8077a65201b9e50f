import { type Config, loadConfig, serverSecret } from "@voronka/core";

/** What email code needs from the configuration. */
export interface EmailConfig {
  /** Signs unsubscribe and tracking links. */
  secret: string;
  /** Base of links inside emails (`VORONKA_PUBLIC_URL`, else `http://localhost:<PORT>`). */
  baseUrl: string;
  /** `SMTP_URL`: the default SMTP server when a workspace has none. */
  smtpUrl: string | undefined;
}

/** Reads the email configuration from the environment (the secret is created on first use). */
export function emailConfig(config: Config = loadConfig()): EmailConfig {
  return {
    secret: serverSecret(config),
    baseUrl: config.VORONKA_PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    smtpUrl: config.SMTP_URL,
  };
}
