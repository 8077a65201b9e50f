import { useId, useRef, useState } from "react";
import { CheckIcon, CopyIcon } from "../ui/Icons.tsx";
import { leadStrings as t } from "./strings.ts";

interface Props {
  label: string;
  value: string;
  /** A multi-line code box instead of a one-line field. */
  code?: boolean;
  /** Highlights a value that will not be shown again. */
  once?: boolean;
}

/** A read-only value (a URL, a secret, a snippet) with a Copy button. */
export function CopyField({ label, value, code, once }: Props) {
  const id = useId();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  async function handleCopy() {
    setCopy((await copyText(value, ref.current)) ? "copied" : "failed");
  }

  const common = {
    id,
    ref,
    readOnly: true,
    value,
    spellCheck: false,
    onFocus: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
      e.currentTarget.select(),
  };
  return (
    <div className={`field copy-field${once ? " copy-field-once" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <div className={code ? "copy-code" : "copy-box"}>
        {code ? (
          <textarea {...common} className="copy-code-value" rows={codeRows(value)} />
        ) : (
          <input {...common} className="copy-box-value" />
        )}
        <button
          type="button"
          className="button copy-button"
          onClick={handleCopy}
          aria-label={`${copy === "copied" ? t.copied : t.copy}: ${label}`}
        >
          {copy === "copied" ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
          {copy === "copied" ? t.copied : t.copy}
        </button>
      </div>
      {copy === "failed" ? <p className="small muted">{t.copyBlocked}</p> : null}
    </div>
  );
}

/** Copies with the Clipboard API, or — on plain-HTTP hosts where it is missing — by selection. */
async function copyText(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.focus();
    field.select();
    return document.execCommand("copy");
  }
}

/** Enough rows for the code as it wraps in the box (about 56 monospace characters a line). */
function codeRows(code: string): number {
  const lines = code
    .split("\n")
    .reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 56)), 0);
  return Math.min(14, lines + 1);
}
