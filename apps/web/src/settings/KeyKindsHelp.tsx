import { ExternalIcon } from "../ui/Icons.tsx";
import { keyKindLabel } from "./key-kinds.ts";

/** What each kind of key is for, side by side. */
export function KeyKindsHelp() {
  return (
    <div className="kind-help">
      <div className="kind-help-item">
        <h3>{keyKindLabel.write}</h3>
        <p>
          Public, so it can sit in your website or app. It sends events — page views, sign-ups,
          purchases — to <code>/v1</code> and can't read or change anything else.
        </p>
      </div>
      <div className="kind-help-item">
        <h3>{keyKindLabel.secret}</h3>
        <p>
          Private: full control of this workspace through <code>/api</code>. Use it only from your
          own servers, never in a browser or app.{" "}
          <a href="/api/docs" target="_blank" rel="noreferrer" className="inline-link">
            API reference
            <ExternalIcon size={13} />
          </a>
        </p>
      </div>
    </div>
  );
}
