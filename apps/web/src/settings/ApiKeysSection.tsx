import type { ApiKey, CreatedApiKey } from "@voronka/contract";
import { useState } from "react";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { ApiKeyTable } from "./ApiKeyTable.tsx";
import { CreateApiKeyForm } from "./CreateApiKeyForm.tsx";
import { KeyKindsHelp } from "./KeyKindsHelp.tsx";
import { NewKeyNotice } from "./NewKeyNotice.tsx";
import { RevokeKeyDialog } from "./RevokeKeyDialog.tsx";
import { keyStrings as t } from "./strings.ts";

/** List, create and revoke the workspace's API keys. */
export function ApiKeysSection() {
  const { state, setState, reload } = useQuery(api.listApiKeys);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  function handleCreated(result: CreatedApiKey) {
    setCreated(result);
    if (state.status === "success") {
      setState({ status: "success", data: { data: [result.apiKey, ...state.data.data] } });
    } else {
      reload();
    }
  }

  function handleRevoked(revoked: ApiKey) {
    setRevoking(null);
    if (created?.apiKey.id === revoked.id) setCreated(null);
    if (state.status === "success") {
      const data = state.data.data.filter((key) => key.id !== revoked.id);
      setState({ status: "success", data: { data } });
    }
  }

  return (
    <section className="card" aria-labelledby="api-keys-heading">
      <div className="card-header">
        <h2 id="api-keys-heading">{t.apiKeys}</h2>
        <p className="muted">{t.apiKeysHint}</p>
      </div>
      <div className="card-body stack">
        <KeyKindsHelp />

        {created ? <NewKeyNotice created={created} onDismiss={() => setCreated(null)} /> : null}

        {state.status === "loading" ? <p className="muted">{t.loadingKeys}</p> : null}
        {state.status === "error" ? (
          <div className="alert alert-error" role="alert">
            <span>{errorMessage(state.error)}</span>
            <button type="button" className="button button-small" onClick={reload}>
              {t.tryAgain}
            </button>
          </div>
        ) : null}
        {state.status === "success" ? (
          state.data.data.length > 0 ? (
            <ApiKeyTable keys={state.data.data} onRevoke={setRevoking} />
          ) : (
            <p className="table-empty">{t.noKeys}</p>
          )
        ) : null}
      </div>
      <div className="card-footer">
        <CreateApiKeyForm onCreated={handleCreated} />
      </div>

      {revoking ? (
        <RevokeKeyDialog
          apiKey={revoking}
          onCancel={() => setRevoking(null)}
          onRevoked={handleRevoked}
        />
      ) : null}
    </section>
  );
}
