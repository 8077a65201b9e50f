import type { Member, Role } from "@voronka/contract";
import { useState } from "react";
import { ApiError, errorMessage } from "../api/client.ts";
import { useQuery } from "../api/use-query.ts";
import { useMe } from "../session/SessionProvider.tsx";
import { formatDate, formatDateTime } from "../ui/format.ts";
import { LoadError } from "../ui/LoadError.tsx";
import { InviteMember } from "./InviteMember.tsx";
import { inviteStrings } from "./invite-strings.ts";
import { invitesApi } from "./invites-api.ts";
import { memberStrings as t } from "./members-strings.ts";
import { PendingInvitations } from "./PendingInvitations.tsx";
import { workspaceApi } from "./workspace-api.ts";
import "../styles/settings-rules.css";

const ROLES: Role[] = ["owner", "admin", "member"];

/** The workspace's people and their roles; owners change roles here. */
export function MembersSection() {
  const me = useMe();
  const { state, setState, reload } = useQuery(workspaceApi.members);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const canChange = me.workspace.role === "owner";
  const canInvite = me.workspace.role === "owner" || me.workspace.role === "admin";
  const invitations = useQuery(invitesApi.list);

  async function changeRole(member: Member, role: Role) {
    setPendingId(member.userId);
    setMessage(null);
    try {
      const updated = await workspaceApi.setRole(member.userId, role);
      setState((s) =>
        s.status === "success"
          ? {
              status: "success",
              data: {
                data: s.data.data.map((m) => (m.userId === updated.userId ? updated : m)),
              },
            }
          : s,
      );
      setMessage({ ok: true, text: t.changed(updated.name, t.roles[updated.role]) });
    } catch (caught) {
      const text =
        caught instanceof ApiError && caught.code === "conflict"
          ? t.lastOwner
          : caught instanceof ApiError && caught.code === "forbidden"
            ? t.ownersOnly
            : errorMessage(caught);
      setMessage({ ok: false, text });
    } finally {
      setPendingId(null);
    }
  }

  const members = state.status === "success" ? state.data.data : [];
  const owners = members.filter((m) => m.role === "owner").length;

  return (
    <section className="card" aria-labelledby="members-heading">
      <div className="card-header">
        <h2 id="members-heading">{t.title}</h2>
        <p className="muted">{t.hint}</p>
      </div>
      <div className="card-body stack">
        {state.status === "loading" ? <p className="muted">{t.loading}</p> : null}
        {state.status === "error" ? <LoadError error={state.error} onRetry={reload} /> : null}
        {state.status === "success" ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.colName}</th>
                  <th scope="col">{t.colEmail}</th>
                  <th scope="col">{t.colRole}</th>
                  <th scope="col">{t.colJoined}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => {
                  const soleOwner = m.role === "owner" && owners === 1;
                  return (
                    <tr key={m.userId}>
                      <td className="table-strong">
                        {m.name}
                        {m.userId === me.user.id ? (
                          <span className="badge badge-neutral member-you">{t.you}</span>
                        ) : null}
                      </td>
                      <td>{m.email}</td>
                      <td>
                        {canChange && !soleOwner ? (
                          <select
                            className="input select member-role"
                            aria-label={t.roleFor(m.name)}
                            value={m.role}
                            disabled={pendingId !== null}
                            onChange={(e) => {
                              const role = ROLES.find((r) => r === e.target.value);
                              if (role) void changeRole(m, role);
                            }}
                          >
                            {ROLES.map((r) => (
                              <option key={r} value={r}>
                                {t.roles[r]}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <span className="member-role-fixed">
                            <span className="badge badge-neutral">{t.roles[m.role]}</span>
                            {canChange ? <span className="field-hint">{t.onlyOwner}</span> : null}
                          </span>
                        )}
                      </td>
                      <td>
                        <time dateTime={m.joinedAt} title={formatDateTime(m.joinedAt)}>
                          {formatDate(m.joinedAt)}
                        </time>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        {message ? (
          <p className={message.ok ? "form-ok" : "field-error"} role="status">
            {message.text}
          </p>
        ) : null}
        <dl className="role-help">
          {ROLES.map((r) => (
            <div key={r}>
              <dt>{t.roles[r]}</dt>
              <dd>{t.roleHelp[r]}</dd>
            </div>
          ))}
        </dl>
        {canInvite ? (
          <InviteMember isOwner={canChange} onInvited={invitations.reload} />
        ) : (
          <p className="muted small">{inviteStrings.onlyOwnersAndAdmins}</p>
        )}
        <PendingInvitations
          state={invitations.state}
          reload={invitations.reload}
          canRevoke={canInvite}
        />
        <details className="member-cli">
          <summary>{inviteStrings.cliTitle}</summary>
          <p className="muted small">{inviteStrings.cliHint}</p>
          <pre className="member-command">
            <code>
              {[
                "pnpm voronka user create --role member \\",
                '  --email person@example.com --name "Full name" \\',
                `  --workspace ${me.workspace.id}`,
              ].join("\n")}
            </code>
          </pre>
        </details>
      </div>
    </section>
  );
}
