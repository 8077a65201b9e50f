import { type CreatedInvitation, CreateInvitationBody, type Role } from "@voronka/contract";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { AlertIcon, CheckIcon, CopyIcon } from "../ui/Icons.tsx";
import { inviteStrings as t } from "./invite-strings.ts";
import { inviteLink, invitesApi } from "./invites-api.ts";
import { memberStrings } from "./members-strings.ts";
import { copyText } from "./NewKeyNotice.tsx";

interface Props {
  /** Owners may invite owners; admins invite admins and members. */
  isOwner: boolean;
  onInvited(): void;
}

/** Email + role → an invitation whose link is shown here once. */
export function InviteMember({ isOwner, onInvited }: Props) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("member");
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const roles: Role[] = isOwner ? ["member", "admin", "owner"] : ["member", "admin"];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = CreateInvitationBody.safeParse({ email, role });
    if (!body.success) {
      setError(t.badEmail);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      setCreated(await invitesApi.create(body.data));
      setEmail("");
      onInvited();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="subcard stack-sm">
      <form
        className="create-key"
        onSubmit={handleSubmit}
        noValidate
        aria-labelledby="invite-title"
      >
        <h3 id="invite-title">{t.title}</h3>
        <p className="muted small invite-hint">{t.hint}</p>
        <div className="create-key-row">
          <div className="field create-key-name">
            <label htmlFor="invite-email">{t.email}</label>
            <input
              id="invite-email"
              className="input"
              type="email"
              placeholder={t.emailPlaceholder}
              maxLength={254}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "invite-error" : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="invite-role">{t.role}</label>
            <select
              id="invite-role"
              className="input select"
              value={role}
              onChange={(e) => setRole(roles.find((r) => r === e.target.value) ?? "member")}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {memberStrings.roles[r]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-primary" disabled={submitting}>
            {submitting ? t.submitting : t.submit}
          </button>
        </div>
        {error ? (
          <p className="field-error" id="invite-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      {created ? <InviteLinkNotice created={created} onDismiss={() => setCreated(null)} /> : null}
    </div>
  );
}

function InviteLinkNotice({
  created,
  onDismiss,
}: {
  created: CreatedInvitation;
  onDismiss(): void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const link = inviteLink(created.token);
  useEffect(() => {
    inputRef.current?.focus();
  }, []);
  const delivery =
    created.email.via === "smtp"
      ? t.sentSmtp(created.invitation.email)
      : created.email.via === "mailbox"
        ? t.sentMailbox
        : t.sendFailed(created.email.error ?? "?");
  return (
    <section className="new-key" aria-labelledby="invite-ready-heading">
      <h3 id="invite-ready-heading">{t.ready(created.invitation.email)}</h3>
      <p className="small">{delivery}</p>
      <p className="new-key-warning">
        <AlertIcon size={16} />
        <span>{t.copyNow}</span>
      </p>
      <div className="copy-box">
        <label htmlFor="invite-link" className="visually-hidden">
          {t.linkLabel}
        </label>
        <input
          id="invite-link"
          ref={inputRef}
          className="copy-box-value"
          readOnly
          value={link}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="button button-primary"
          onClick={async () =>
            setCopy((await copyText(link, inputRef.current)) ? "copied" : "failed")
          }
        >
          {copy === "copied" ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
          {copy === "copied" ? t.copied : t.copy}
        </button>
      </div>
      {copy === "failed" ? <p className="small muted">{t.copyBlocked}</p> : null}
      <div>
        <button type="button" className="button" onClick={onDismiss}>
          {t.done}
        </button>
      </div>
    </section>
  );
}
