import { Outlet } from "react-router-dom";
import { useMe } from "../session/SessionProvider.tsx";
import { Sidebar } from "./Sidebar.tsx";
import { shellStrings as s } from "./strings.ts";
import { UserMenu } from "./UserMenu.tsx";

/** The frame of every signed-in page: sidebar, top bar with workspace and user, content. */
export function AppShell() {
  const me = useMe();
  return (
    <div className="shell">
      <Sidebar />
      <div className="shell-main">
        <header className="topbar">
          <div className="topbar-workspace">
            <span className="workspace-badge" aria-hidden="true">
              {me.workspace.name.slice(0, 1).toUpperCase()}
            </span>
            <span className="topbar-workspace-name">{me.workspace.name}</span>
            <span className="role-tag">{s.roles[me.workspace.role] ?? me.workspace.role}</span>
          </div>
          <UserMenu />
        </header>
        <main className="content" id="content">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
