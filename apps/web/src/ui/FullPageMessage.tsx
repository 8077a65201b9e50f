import { Logo } from "./Icons.tsx";

interface Props {
  title: string;
  body?: string;
  busy?: boolean;
  action?: { label: string; onClick(): void };
}

/** A centred message for the moments before the app can show anything else. */
export function FullPageMessage({ title, body, busy, action }: Props) {
  return (
    <main className="full-page" aria-busy={busy}>
      <div className="full-page-inner">
        <Logo size={36} />
        {busy ? <div className="spinner" aria-hidden="true" /> : null}
        <h1 className={busy ? "visually-hidden" : "full-page-title"}>{title}</h1>
        {body ? <p className="muted">{body}</p> : null}
        {action ? (
          <button type="button" className="button button-primary" onClick={action.onClick}>
            {action.label}
          </button>
        ) : null}
      </div>
    </main>
  );
}
