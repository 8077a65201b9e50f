import { PartialName } from "@voronka/contract";
import { type FormEvent, type ReactNode, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { useQuery } from "../api/use-query.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { EmptyState } from "../ui/EmptyState.tsx";
import { formatDateTime, formatRelative } from "../ui/format.ts";
import { TemplatesIcon } from "../ui/Icons.tsx";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { blockStrings as t } from "./block-strings.ts";
import { emailApi } from "./email-api.ts";

/** What a new shared block starts with: a footer, the most common one. */
const starterBlock = `<mj-section padding="16px 0">
  <mj-column>
    <mj-text font-size="12px" color="#6b7280" align="center">
      Your company · 1 Main Street, Your City<br />
      <a href="{{ unsubscribe_url }}" style="color: #6b7280;">Unsubscribe</a>
    </mj-text>
  </mj-column>
</mj-section>
`;

export const includeLine = (name: string) => `<mj-include path="${name}" />`;
export const blockPath = (name: string) => `/templates/blocks/${encodeURIComponent(name)}`;

/** The "Shared blocks" tab of the templates page: the workspace's MJML partials. */
export function SharedBlocks({ tabs }: { tabs: ReactNode }) {
  const { state, reload } = useQuery(emailApi.partials);
  const [creating, setCreating] = useState(false);
  const names = state.status === "success" ? state.data.data.map((p) => p.name) : [];

  const newButton = (label: string) => (
    <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
      {label}
    </button>
  );

  return (
    <>
      <div className="templates-toolbar">
        {tabs}
        {state.status === "success" && state.data.data.length > 0 ? newButton(t.newBlock) : null}
      </div>
      {state.status === "loading" ? <Loading label={t.loading} /> : null}
      {state.status === "error" ? <LoadError error={state.error} onRetry={reload} /> : null}
      {state.status === "success" && state.data.data.length === 0 ? (
        <EmptyState icon={<TemplatesIcon size={28} />} title={t.emptyTitle}>
          <p>{t.emptyBody}</p>
          <p>{t.emptyHow}</p>
          <p>
            <code className="include-line">{includeLine("footer")}</code>
          </p>
          <p>{newButton(t.createFirst)}</p>
        </EmptyState>
      ) : null}
      {state.status === "success" && state.data.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.colName}</th>
                <th scope="col">{t.colInclude}</th>
                <th scope="col">{t.colVersion}</th>
                <th scope="col">{t.colUpdated}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.open}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.data.map((block) => (
                <tr key={block.name}>
                  <td className="table-strong">
                    <Link to={blockPath(block.name)} className="template-link">
                      <TemplatesIcon size={16} />
                      {block.name}
                    </Link>
                  </td>
                  <td>
                    <code className="include-line">{includeLine(block.name)}</code>
                  </td>
                  <td>
                    <span className="badge badge-neutral">v{block.version}</span>
                  </td>
                  <td>
                    <time dateTime={block.updatedAt} title={formatDateTime(block.updatedAt)}>
                      {formatRelative(block.updatedAt)}
                    </time>
                  </td>
                  <td className="table-actions">
                    <Link to={blockPath(block.name)} className="button button-small">
                      {t.open}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {creating ? <NewBlockDialog taken={names} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

/** Asks for the name (the one templates include it by), saves a starter footer, opens it. */
function NewBlockDialog({ taken, onClose }: { taken: string[]; onClose(): void }) {
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [touched, setTouched] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const trimmed = name.trim();
  const problem = !PartialName.safeParse(trimmed).success
    ? t.badName
    : taken.includes(trimmed)
      ? t.nameTaken(trimmed)
      : null;

  async function handleCreate(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    setPending(true);
    setError(null);
    try {
      await emailApi.savePartial(trimmed, starterBlock);
      navigate(blockPath(trimmed));
    } catch (caught) {
      setError(errorMessage(caught));
      setPending(false);
    }
  }

  const shown = touched && trimmed !== "" ? problem : null;
  return (
    <Dialog title={t.dialogTitle} onClose={onClose} busy={pending}>
      <form onSubmit={handleCreate} noValidate>
        <div className="field">
          <label htmlFor="block-name">{t.name}</label>
          <input
            id="block-name"
            className="input"
            value={name}
            placeholder="footer"
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={shown ? true : undefined}
            aria-describedby="block-name-hint"
            onChange={(e) => {
              setName(e.target.value);
              setTouched(true);
            }}
          />
          {shown ? (
            <p className="field-error" id="block-name-hint" role="alert">
              {shown}
            </p>
          ) : (
            <p className="field-hint" id="block-name-hint">
              {t.nameHint}
            </p>
          )}
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={pending}>
            {t.cancel}
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={pending || trimmed === "" || problem !== null}
          >
            {pending ? t.creating : t.create}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
