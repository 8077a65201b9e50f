import type { ComponentType } from "react";
import { NavLink } from "react-router-dom";
import { audienceStrings } from "../audiences/strings.ts";
import { LeadsIcon } from "../leads/icons.tsx";
import { leadStrings } from "../leads/strings.ts";
import { taskStrings } from "../tasks/strings.ts";
import {
  AnalyticsIcon,
  AudiencesIcon,
  ContactsIcon,
  FunnelsIcon,
  JourneysIcon,
  Logo,
  MailboxIcon,
  SettingsIcon,
  TasksIcon,
  TemplatesIcon,
} from "../ui/Icons.tsx";
import { shellStrings as s } from "./strings.ts";

interface NavItem {
  to: string;
  label: string;
  Icon: ComponentType<{ size?: number }>;
}

const primary: NavItem[] = [
  { to: "/journeys", label: s.nav.journeys, Icon: JourneysIcon },
  { to: "/contacts", label: s.nav.contacts, Icon: ContactsIcon },
  { to: "/tasks", label: taskStrings.nav, Icon: TasksIcon },
  { to: "/funnels", label: s.nav.funnels, Icon: FunnelsIcon },
  { to: "/leads", label: leadStrings.nav, Icon: LeadsIcon },
  { to: "/audiences", label: audienceStrings.nav, Icon: AudiencesIcon },
  { to: "/templates", label: s.nav.templates, Icon: TemplatesIcon },
  { to: "/analytics", label: s.nav.analytics, Icon: AnalyticsIcon },
];

const secondary: NavItem[] = [
  { to: "/mailbox", label: s.nav.mailbox, Icon: MailboxIcon },
  { to: "/settings", label: s.nav.settings, Icon: SettingsIcon },
];

/** The product name and the main navigation, down the left edge of every signed-in page. */
export function Sidebar() {
  return (
    <aside className="sidebar">
      <div className="sidebar-inner">
        <div className="sidebar-brand">
          <Logo size={26} />
          <span className="sidebar-brand-name">Voronka</span>
        </div>
        <nav aria-label={s.mainNav} className="sidebar-nav">
          <ul className="nav-list">{primary.map(renderItem)}</ul>
          <ul className="nav-list nav-list-bottom">{secondary.map(renderItem)}</ul>
        </nav>
      </div>
    </aside>
  );
}

function renderItem({ to, label, Icon }: NavItem) {
  return (
    <li key={to}>
      <NavLink to={to} className="nav-link" title={label}>
        <Icon size={18} />
        <span>{label}</span>
      </NavLink>
    </li>
  );
}
