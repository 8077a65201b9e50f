import { type InvitationPreview, MIN_PASSWORD_LENGTH } from "@voronka/contract";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { ApiError, errorMessage } from "../api/client.ts";
import { useQuery } from "../api/use-query.ts";
import { useSession } from "../session/SessionProvider.tsx";
import { acceptStrings as t } from "../settings/invite-strings.ts";
import { invitesApi } from "../settings/invites-api.ts";
import { memberStrings } from "../settings/members-strings.ts";
import { LanguageSwitch } from "../shell/LanguageSwitch.tsx";
import { AlertIcon, Logo } from "../ui/Icons.tsx";
import { Loading } from "../ui/Loading.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

/** Why a link is dead, from the server's `token` detail, in this page's language. */
function deadLinkText(error: unknown): string {
  const reason = error instanceof ApiError ? error.details?.find((d) => d.path === "token") : null;
  switch (reason?.message) {
    case "used":
      return t.dead.used;
    case "withdrawn":
      return t.dead.withdrawn;
    case "expired":
      return t.dead.expired;
    case "unknown":
      return t.dead.unknown;
    default:
      return errorMessage(error);
  }
}

/** `/invite/<token>`: the invited person sets a name and password and lands signed in. */
export function AcceptInvitePage() {
  const { token = "" } = useParams();
  const { state } = useQuery(() => invitesApi.preview(token), [token]);
  useDocumentTitle(t.docTitle);

  return (
    <main className="sign-in">
      <div className="sign-in-card">
        {state.status === "loading" ? <Loading label={t.loading} /> : null}
        {state.status === "error" ? (
          <div className="stack-sm">
            <div className="sign-in-brand">
              <Logo size={40} />
              <h1>{t.deadTitle}</h1>
            </div>
            <div className="alert alert-error" role="alert">
              <AlertIcon size={18} />
              <span>{deadLinkText(state.error)}</span>
            </div>
            <Link to="/sign-in">{t.toSignIn}</Link>
          </div>
        ) : null}
        {state.status === "success" ? <AcceptForm token={token} offer={state.data} /> : null}
        <LanguageSwitch compact />
      </div>
    </main>
  );
}

function AcceptForm({ token, offer }: { token: string; offer: InvitationPreview }) {
  const { retry } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const role = memberStrings.roles[offer.role];
  const existing = offer.existingAccount;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!existing && name.trim() === "") return setError(t.needName);
    if (!existing && password.length < MIN_PASSWORD_LENGTH) {
      return setError(t.shortPassword(MIN_PASSWORD_LENGTH));
    }
    setSubmitting(true);
    setError(null);
    try {
      await invitesApi.accept(token, existing ? { password } : { name: name.trim(), password });
      // The session cookie is set; let the app learn who is signed in, then open it.
      retry();
      navigate("/journeys", { replace: true });
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.code === "invalid_credentials"
          ? t.wrongPassword
          : caught instanceof ApiError && caught.code === "not_found"
            ? deadLinkText(caught)
            : errorMessage(caught),
      );
      setSubmitting(false);
    }
  }

  return (
    <>
      <div className="sign-in-brand">
        <Logo size={40} />
        <h1>{t.title(offer.workspaceName)}</h1>
        <p className="muted">
          {offer.invitedBy ? t.invitedBy(offer.invitedBy, role) : t.invited(role)}
        </p>
      </div>
      <form onSubmit={handleSubmit} noValidate className="form">
        {error ? (
          <div className="alert alert-error" role="alert">
            <AlertIcon size={18} />
            <span>{error}</span>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="invite-accept-email">{t.email}</label>
          <input
            id="invite-accept-email"
            className="input"
            type="email"
            autoComplete="username"
            value={offer.email}
            readOnly
          />
        </div>
        {existing ? (
          <p className="muted small">{t.existing}</p>
        ) : (
          <div className="field">
            <label htmlFor="invite-accept-name">{t.name}</label>
            <input
              id="invite-accept-name"
              className="input"
              autoComplete="name"
              maxLength={200}
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setError(null);
              }}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor="invite-accept-password">
            {existing ? t.existingPassword : t.password}
          </label>
          <input
            id="invite-accept-password"
            className="input"
            type="password"
            autoComplete={existing ? "current-password" : "new-password"}
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setError(null);
            }}
            aria-describedby={existing ? undefined : "invite-accept-password-hint"}
          />
          {existing ? null : (
            <p className="field-hint" id="invite-accept-password-hint">
              {t.passwordHint(MIN_PASSWORD_LENGTH)}
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary button-block" disabled={submitting}>
          {submitting ? t.submitting : t.submit}
        </button>
      </form>
    </>
  );
}
