import type { Draft } from "./draft.ts";
import { FormSettings } from "./FormSettings.tsx";
import { leadStrings as t } from "./strings.ts";

interface Props {
  channel: string;
  creating: boolean;
  draft: Draft;
  onChange(next: Draft): void;
}

/** The settings only one channel has: the form, the bot's name, the provider's secret. */
export function ChannelSettings({ channel, creating, draft, onChange }: Props) {
  switch (channel) {
    case "web_form":
      return <FormSettings draft={draft} onChange={onChange} />;
    case "telegram":
      return (
        <div className="field">
          <label htmlFor="lead-bot">{t.botUsername}</label>
          <input
            id="lead-bot"
            className="input"
            placeholder="your_bot"
            value={draft.botUsername}
            onChange={(e) => onChange({ ...draft, botUsername: e.target.value })}
          />
          <span className="field-hint">{t.botUsernameHint}</span>
        </div>
      );
    case "whatsapp":
    case "viber": {
      const whatsapp = channel === "whatsapp";
      const label = creating
        ? whatsapp
          ? t.appSecret
          : t.viberToken
        : whatsapp
          ? t.replaceAppSecret
          : t.replaceViberToken;
      return (
        <div className="field">
          <label htmlFor="lead-secret">{label}</label>
          <input
            id="lead-secret"
            className="input mono"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={draft.secret}
            onChange={(e) => onChange({ ...draft, secret: e.target.value })}
          />
          <span className="field-hint">{whatsapp ? t.appSecretHint : t.viberTokenHint}</span>
        </div>
      );
    }
    default:
      return null;
  }
}
