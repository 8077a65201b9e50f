import type { ApiKey } from "@voronka/contract";
import { useEffect, useRef, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { keyStrings as t } from "./strings.ts";

interface Props {
  apiKey: ApiKey;
  onCancel(): void;
  onRevoked(key: ApiKey): void;
}

/** Asks before revoking a key, since whatever uses it stops working at once. */
export function RevokeKeyDialog({ apiKey, onCancel, onRevoked }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  async function handleRevoke() {
    setPending(true);
    setError(null);
    try {
      await api.revokeApiKey(apiKey.id);
      onRevoked(apiKey);
    } catch (caught) {
      setError(errorMessage(caught));
      setPending(false);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="revoke-title"
      aria-describedby="revoke-body"
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <h2 id="revoke-title">{t.revokeTitle(apiKey.name)}</h2>
      <p id="revoke-body" className="muted">
        {t.revokeBefore(t.kindWord[apiKey.kind])} <code>{apiKey.prefix}…</code>
        {t.revokeAfter}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={pending}>
          {t.cancel}
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={handleRevoke}
          disabled={pending}
        >
          {pending ? t.revoking : t.revokeKey}
        </button>
      </div>
    </dialog>
  );
}
