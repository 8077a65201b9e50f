import type { Invitation, InvitationList } from "@voronka/contract";
import { useState } from "react";
import { errorMessage } from "../api/client.ts";
import type { QueryState } from "../api/use-query.ts";
import { formatDateTime } from "../ui/format.ts";
import { LoadError } from "../ui/LoadError.tsx";
import { inviteStrings as t } from "./invite-strings.ts";
import { invitesApi } from "./invites-api.ts";
import { memberStrings } from "./members-strings.ts";

interface Props {
  state: QueryState<InvitationList>;
  reload(): void;
  canRevoke: boolean;
}

/** Invitations nobody has accepted yet, each withdrawable by owners and admins. */
export function PendingInvitations({ state, reload, canRevoke }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function revoke(invitation: Invitation) {
    setBusy(invitation.id);
    setMessage(null);
    try {
      await invitesApi.revoke(invitation.id);
      setMessage({ ok: true, text: t.revoked(invitation.email) });
      reload();
    } catch (caught) {
      setMessage({ ok: false, text: errorMessage(caught) });
    } finally {
      setBusy(null);
    }
  }

  if (state.status === "loading") return null;
  if (state.status === "error") return <LoadError error={state.error} onRetry={reload} />;
  const invitations = state.data.data;
  return (
    <section className="stack-sm" aria-labelledby="pending-invites-heading">
      <h3 id="pending-invites-heading">{t.pending}</h3>
      {invitations.length === 0 ? (
        <p className="muted small">{t.noPending}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.colEmail}</th>
                <th scope="col">{t.colRole}</th>
                <th scope="col">{t.colInvitedBy}</th>
                <th scope="col">{t.colExpires}</th>
                {canRevoke ? (
                  <th scope="col">
                    <span className="visually-hidden">{t.revoke}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <td className="table-strong">{i.email}</td>
                  <td>
                    <span className="badge badge-neutral">{memberStrings.roles[i.role]}</span>
                  </td>
                  <td>{i.invitedBy ?? "—"}</td>
                  <td>
                    <time dateTime={i.expiresAt}>{formatDateTime(i.expiresAt)}</time>
                  </td>
                  {canRevoke ? (
                    <td className="table-actions">
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={t.revokeFor(i.email)}
                        disabled={busy !== null}
                        onClick={() => void revoke(i)}
                      >
                        {t.revoke}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {message ? (
        <p className={message.ok ? "form-ok" : "field-error"} role="status">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
