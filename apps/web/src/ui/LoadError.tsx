import { errorMessage } from "../api/client.ts";
import { shellStrings } from "../shell/strings.ts";
import { AlertIcon } from "./Icons.tsx";

interface Props {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load, in the server's words, with a way to try again. */
export function LoadError({ error, onRetry }: Props) {
  return (
    <div className="alert alert-error" role="alert">
      <AlertIcon size={16} />
      <span>{errorMessage(error)}</span>
      {onRetry ? (
        <button type="button" className="button button-small" onClick={onRetry}>
          {shellStrings.tryAgain}
        </button>
      ) : null}
    </div>
  );
}
