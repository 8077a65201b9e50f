import type { ComponentType } from "react";
import { NavLink } from "react-router-dom";
import {
  AnalyticsIcon,
  ContactsIcon,
  FunnelsIcon,
  JourneysIcon,
  Logo,
  SettingsIcon,
  TemplatesIcon,
} from "../ui/Icons.tsx";

interface NavItem {
  to: string;
  label: string;
  Icon: ComponentType<{ size?: number }>;
}

const primary: NavItem[] = [
  { to: "/journeys", label: "Journeys", Icon: JourneysIcon },
  { to: "/contacts", label: "Contacts", Icon: ContactsIcon },
  { to: "/funnels", label: "Funnels", Icon: FunnelsIcon },
  { to: "/templates", label: "Templates", Icon: TemplatesIcon },
  { to: "/analytics", label: "Analytics", Icon: AnalyticsIcon },
];

const secondary: NavItem[] = [{ to: "/settings", label: "Settings", Icon: SettingsIcon }];

/** The product name and the main navigation, down the left edge of every signed-in page. */
export function Sidebar() {
  return (
    <aside className="sidebar">
      <div className="sidebar-inner">
        <div className="sidebar-brand">
          <Logo size={26} />
          <span className="sidebar-brand-name">Voronka</span>
        </div>
        <nav aria-label="Main" className="sidebar-nav">
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
