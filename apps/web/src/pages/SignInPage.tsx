import { LoginBody } from "@voronka/contract";
import { type FormEvent, useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import { ApiError, errorMessage } from "../api/client.ts";
import type { ReturnTo } from "../session/RequireSession.tsx";
import { useSession } from "../session/SessionProvider.tsx";
import { LanguageSwitch } from "../shell/LanguageSwitch.tsx";
import { AlertIcon, Logo } from "../ui/Icons.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { pageStrings } from "./strings.ts";

const t = pageStrings.signIn;

const defaultPage = "/journeys";

/** Email + password sign-in; afterwards, back to the page the user first asked for. */
export function SignInPage() {
  const { state, signIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useDocumentTitle(t.docTitle);

  const returnTo = returnPath(location.state);
  if (state.status === "signed-in" && !submitting) return <Navigate to={returnTo} replace />;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = LoginBody.safeParse({ email: email.trim(), password });
    if (!body.success) {
      setError(email.trim() === "" || password === "" ? t.needBoth : t.badEmail);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await signIn(body.data);
      navigate(returnTo, { replace: true });
    } catch (caught) {
      setError(signInErrorMessage(caught));
      setSubmitting(false);
    }
  }

  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <div className="sign-in-brand">
          <Logo size={40} />
          <h1>{t.title}</h1>
          <p className="muted">{t.tagline}</p>
        </div>

        <form onSubmit={handleSubmit} noValidate className="form">
          {error ? (
            <div className="alert alert-error" role="alert">
              <AlertIcon size={18} />
              <span>{error}</span>
            </div>
          ) : null}

          <div className="field">
            <label htmlFor="sign-in-email">{t.email}</label>
            <input
              id="sign-in-email"
              className="input"
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="sign-in-password">{t.password}</label>
            <input
              id="sign-in-password"
              className="input"
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>

          <button
            type="submit"
            className="button button-primary button-block"
            disabled={submitting}
          >
            {submitting ? t.submitting : t.submit}
          </button>
        </form>

        <p className="sign-in-hint muted small">
          {t.hintBefore} <code>pnpm start</code> {t.hintAfter}
        </p>
        <LanguageSwitch compact />
      </div>
    </main>
  );
}

function returnPath(state: unknown): string {
  // Router location state is untyped; only a same-app path that isn't the sign-in page is used.
  const from = (state as ReturnTo | null)?.from;
  if (typeof from !== "string" || !from.startsWith("/") || from.startsWith("//")) {
    return defaultPage;
  }
  if (from === "/" || from.startsWith("/sign-in")) return defaultPage;
  return from;
}

function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "invalid_credentials") return t.wrong;
    if (error.code === "validation_failed") {
      return error.details?.some((d) => d.path === "email") ? t.badEmail : error.message;
    }
  }
  return errorMessage(error);
}
