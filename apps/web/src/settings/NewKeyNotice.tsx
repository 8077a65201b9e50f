import type { CreatedApiKey } from "@voronka/contract";
import { useEffect, useRef, useState } from "react";
import { AlertIcon, CheckIcon, CopyIcon } from "../ui/Icons.tsx";
import { keyKindLabel } from "./key-kinds.ts";
import { keyStrings as t } from "./strings.ts";

interface Props {
  created: CreatedApiKey;
  onDismiss(): void;
}

/** The full key of a key just created — the only time anyone sees it. */
export function NewKeyNotice({ created, onDismiss }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  // Bring the key into view, selected, so it can be copied straight away.
  useEffect(() => {
    if (created.key) inputRef.current?.focus();
  }, [created.key]);

  async function handleCopy() {
    setCopy((await copyText(created.key, inputRef.current)) ? "copied" : "failed");
  }

  return (
    <section className="new-key" aria-labelledby="new-key-heading">
      <h3 id="new-key-heading">
        {t.ready(created.apiKey.name, keyKindLabel[created.apiKey.kind])}
      </h3>
      <p className="new-key-warning">
        <AlertIcon size={16} />
        <span>{t.copyNow}</span>
      </p>
      <div className="copy-box">
        <label htmlFor="new-key-value" className="visually-hidden">
          {t.newKey}
        </label>
        <input
          id="new-key-value"
          ref={inputRef}
          className="copy-box-value"
          readOnly
          value={created.key}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button button-primary" onClick={handleCopy}>
          {copy === "copied" ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
          {copy === "copied" ? t.copied : t.copy}
        </button>
      </div>
      {copy === "failed" ? <p className="small muted">{t.copyBlocked}</p> : null}
      <div>
        <button type="button" className="button" onClick={onDismiss}>
          {t.saved}
        </button>
      </div>
    </section>
  );
}

/** Copies with the Clipboard API, or — on plain-HTTP hosts where it is missing — by selection. */
export async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!input) return false;
    input.focus();
    input.select();
    return document.execCommand("copy");
  }
}
