import { type Locale, locale, localeNames, locales, setLocale } from "../i18n/index.ts";
import { shellStrings as s } from "./strings.ts";

/** English / Русский: saves the choice and reloads the app in that language. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const current = locale();
  return (
    <fieldset className={compact ? "language-switch language-switch-compact" : "language-switch"}>
      <legend className="language-switch-label">{s.language}</legend>
      <div className="segmented">
        {locales.map((code: Locale) => (
          <button
            key={code}
            type="button"
            aria-pressed={code === current}
            lang={code}
            className={code === current ? "segmented-item is-active" : "segmented-item"}
            onClick={() => {
              if (code !== current) setLocale(code);
            }}
          >
            {localeNames[code]}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
