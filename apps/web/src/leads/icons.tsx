import type { ReactNode } from "react";
import { Icon, type IconProps } from "../ui/Icons.tsx";

/** Lead capture in the sidebar: an inbox receiving. */
export const LeadsIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 3v8m-3.5-3.5L12 11l3.5-3.5" />
    <path d="M3 13.5 5.5 6h2M18.5 6h-2M3 13.5V19a1 1 0 0 0 1 1h16a1 1 0 0 0 1-1v-5.5L18.5 6" />
    <path d="M3 13.5h5l1.5 2.5h5l1.5-2.5h5" />
  </Icon>
);

export const WebFormIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M7 9h10M7 13h10M7 17h4" />
  </Icon>
);

export const TelegramIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M21 4 3 11l6 2.5M21 4l-3 16-7.5-5.5M21 4 9 13.5m0 0V19l3-3" />
  </Icon>
);

export const WhatsAppIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 20l1.3-4A8 8 0 1 1 8 18.7z" />
    <path d="M9 9.5c0 3 2.5 5.5 5.5 5.5l1-1.5-2-1-1 .8a4 4 0 0 1-1.8-1.8l.8-1-1-2z" />
  </Icon>
);

export const ViberIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 3c-5 0-8 1.5-8 7 0 3.5 1.2 5.4 3.5 6.3V20l3-3h1.5c5 0 8-1.5 8-7s-3-7-8-7z" />
    <path d="M13 7a3 3 0 0 1 3 3M9.5 8l1 2-.7.8a3.5 3.5 0 0 0 1.9 1.9l.8-.7 2 1-.8 1.3C11 14.5 8.7 12.2 8.5 9z" />
  </Icon>
);

export const CallIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M5 4h3.5l1.5 4-2 1.5a11 11 0 0 0 6.5 6.5l1.5-2 4 1.5V19a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1z" />
  </Icon>
);

const byChannel: Record<string, (p: IconProps) => ReactNode> = {
  web_form: WebFormIcon,
  telegram: TelegramIcon,
  whatsapp: WhatsAppIcon,
  viber: ViberIcon,
  call_tracking: CallIcon,
};

/** The icon of a lead channel (a generic inbox for the API and chat). */
export function ChannelIcon({ channel, size }: { channel: string; size?: number }) {
  const Found = byChannel[channel] ?? LeadsIcon;
  return <Found size={size} />;
}
