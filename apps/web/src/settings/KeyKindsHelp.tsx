import { ExternalIcon } from "../ui/Icons.tsx";
import { keyKindLabel } from "./key-kinds.ts";
import { keyStrings as t } from "./strings.ts";

/** What each kind of key is for, side by side. */
export function KeyKindsHelp() {
  return (
    <div className="kind-help">
      <div className="kind-help-item">
        <h3>{keyKindLabel.write}</h3>
        <p>
          {t.writeHelpBefore} <code>/v1</code> {t.writeHelpAfter}
        </p>
      </div>
      <div className="kind-help-item">
        <h3>{keyKindLabel.secret}</h3>
        <p>
          {t.secretHelpBefore} <code>/api</code>. {t.secretHelpAfter}{" "}
          <a href="/api/docs" target="_blank" rel="noreferrer" className="inline-link">
            {t.apiReference}
            <ExternalIcon size={13} />
          </a>
        </p>
      </div>
    </div>
  );
}
