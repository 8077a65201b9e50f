import { useEffect, useId, useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useMe, useSession } from "../session/SessionProvider.tsx";
import { ChevronDownIcon, SignOutIcon } from "../ui/Icons.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { shellStrings as s } from "./strings.ts";

/** The signed-in user's avatar, opening a small panel with their email and "Sign out". */
export function UserMenu() {
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false); // DOM event targets are Nodes
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const displayName = me.user.name || me.user.email;

  async function handleSignOut() {
    setSigningOut(true);
    try {
      await signOut();
    } finally {
      navigate("/sign-in", { replace: true });
    }
  }

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        type="button"
        className="user-menu-trigger"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(displayName)}
        </span>
        <span className="user-menu-name">{displayName}</span>
        <ChevronDownIcon size={16} />
      </button>
      {open ? (
        <div className="user-menu-panel" id={panelId}>
          <div className="user-menu-who">
            <div className="user-menu-who-name">{displayName}</div>
            <div className="muted small">{me.user.email}</div>
          </div>
          <LanguageSwitch />
          <button
            type="button"
            className="user-menu-item"
            onClick={handleSignOut}
            disabled={signingOut}
          >
            <SignOutIcon size={16} />
            {signingOut ? s.signingOut : s.signOut}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function initials(name: string): string {
  const words = name.split(/[\s@._-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]?.[0], words[1]?.[0]] : [name[0], name[1]];
  return letters.join("").toUpperCase();
}
