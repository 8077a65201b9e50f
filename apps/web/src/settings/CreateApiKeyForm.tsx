import { type ApiKeyKind, CreateApiKeyBody, type CreatedApiKey } from "@voronka/contract";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { keyKindLabel } from "./key-kinds.ts";

interface Props {
  onCreated(created: CreatedApiKey): void;
}

/** Name a new key, pick its kind, and get the key back once. */
export function CreateApiKeyForm({ onCreated }: Props) {
  const [name, setName] = useState("");
  const [kind, setKind] = useState<ApiKeyKind>("write");
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = CreateApiKeyBody.safeParse({ name, kind });
    if (!body.success) {
      setError(
        name.trim() === ""
          ? "Give the key a name, such as “Website” or “Billing server”."
          : "Keep the name under 100 characters.",
      );
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      onCreated(await api.createApiKey(body.data));
      setName("");
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form className="create-key" onSubmit={handleSubmit} noValidate>
      <h3>Create a key</h3>
      <div className="create-key-row">
        <div className="field create-key-name">
          <label htmlFor="api-key-name">Key name</label>
          <input
            id="api-key-name"
            className="input"
            placeholder="e.g. Website tracking"
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "api-key-error" : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="api-key-kind">Kind</label>
          <select
            id="api-key-kind"
            className="input select"
            value={kind}
            onChange={(e) => setKind(e.target.value === "secret" ? "secret" : "write")}
          >
            <option value="write">{keyKindLabel.write}</option>
            <option value="secret">{keyKindLabel.secret}</option>
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? "Creating…" : "Create key"}
        </button>
      </div>
      {error ? (
        <p className="field-error" id="api-key-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
