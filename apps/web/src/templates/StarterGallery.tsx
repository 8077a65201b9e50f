import { useQuery } from "../api/use-query.ts";
import { TemplatesIcon } from "../ui/Icons.tsx";
import { emailApi } from "./email-api.ts";
import { templateStrings as t } from "./strings.ts";

interface Props {
  busy: boolean;
  onBlank(): void;
  onStarter(starterId: string): void;
}

/** The ready letters a template can start from: a blank one, and the server's starters. */
export function StarterGallery({ busy, onBlank, onStarter }: Props) {
  const { state } = useQuery(emailApi.starters);
  const starters = state.status === "success" ? state.data.data : [];
  return (
    <section className="starter-gallery" aria-labelledby="starters-heading">
      <div className="starter-gallery-head">
        <h2 id="starters-heading">{t.startersTitle}</h2>
        <p className="muted">{t.startersHint}</p>
      </div>
      <ul className="starter-grid">
        <li>
          <button type="button" className="starter-card" onClick={onBlank} disabled={busy}>
            <span className="starter-icon" aria-hidden="true">
              <TemplatesIcon size={18} />
            </span>
            <span className="starter-name">{t.blank}</span>
            <span className="starter-desc muted small">{t.blankHint}</span>
          </button>
        </li>
        {starters.map((starter) => (
          <li key={starter.id}>
            <button
              type="button"
              className="starter-card"
              onClick={() => onStarter(starter.id)}
              disabled={busy}
            >
              <span className="starter-icon" aria-hidden="true">
                <TemplatesIcon size={18} />
              </span>
              <span className="starter-name">{starter.name}</span>
              <span className="starter-desc muted small">{starter.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
