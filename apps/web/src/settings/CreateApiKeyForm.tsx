import { type ApiKeyKind, CreateApiKeyBody, type CreatedApiKey } from "@voronka/contract";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { keyKindLabel } from "./key-kinds.ts";
import { keyStrings as t } from "./strings.ts";

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
      setError(name.trim() === "" ? t.needName : t.tooLong);
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
      <h3>{t.createTitle}</h3>
      <div className="create-key-row">
        <div className="field create-key-name">
          <label htmlFor="api-key-name">{t.keyName}</label>
          <input
            id="api-key-name"
            className="input"
            placeholder={t.keyNamePlaceholder}
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "api-key-error" : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="api-key-kind">{t.kind}</label>
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
          {submitting ? t.creating : t.create}
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
