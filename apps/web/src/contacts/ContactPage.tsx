import type { ContactCard, Timeline } from "@voronka/contract";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { formatDate, formatDateTime, formatRelative } from "../ui/format.ts";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ContactJourneys } from "./ContactJourneys.tsx";
import { ContactTimeline } from "./ContactTimeline.tsx";
import { contactName, initials, sourceLabel } from "./labels.ts";
import { cardStrings as t } from "./strings.ts";

/** One contact: who they are, what they agreed to, where they are in each funnel, what they did. */
export function ContactPage() {
  const { contactId = "" } = useParams();
  const { state, reload } = useQuery(() => api.contact(contactId), [contactId]);
  const back = <Link to="/contacts">{t.back}</Link>;

  if (state.status === "loading") {
    return (
      <>
        <PageHeader title={t.title} back={back} />
        <Loading label={t.loading} />
      </>
    );
  }
  if (state.status === "error") {
    // A malformed id (400) is as missing as an unknown one (404).
    const missing =
      state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 400);
    return (
      <>
        <PageHeader title={t.title} back={back} />
        {missing ? (
          <p className="table-empty">{t.notFound}</p>
        ) : (
          <LoadError error={state.error} onRetry={reload} />
        )}
      </>
    );
  }
  return <Card card={state.data} back={back} />;
}

function Card({ card, back }: { card: ContactCard; back: ReactNode }) {
  const name = contactName(card);
  const subtitle = [card.email, card.phone].filter((v) => v && v !== name).join(" · ");
  const funnels = useQuery(api.listFunnels);
  // Moves in funnels the contact has since left still need the funnel's name.
  const funnelNames = new Map(
    funnels.state.status === "success" ? funnels.state.data.data.map((f) => [f.id, f.name]) : [],
  );
  for (const s of card.stages) funnelNames.set(s.funnelId, s.funnelName);
  const firstPage: Timeline = card.timeline;

  return (
    <>
      <PageHeader title={name} back={back} />
      <div className="contact-hero card">
        <span className="contact-avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <div className="contact-hero-text">
          <div className="contact-hero-sub">
            {subtitle || <span className="muted">{t.notSet}</span>}
          </div>
          <div className="muted small">
            {card.source ? `${sourceLabel(card.source)} · ` : ""}
            {t.firstSeen.toLowerCase()} {formatDate(card.firstSeenAt)} · {t.lastSeen.toLowerCase()}{" "}
            <time dateTime={card.lastSeenAt} title={formatDateTime(card.lastSeenAt)}>
              {formatRelative(card.lastSeenAt)}
            </time>
          </div>
        </div>
        {card.tags.length > 0 ? (
          <div className="tag-list contact-hero-tags">
            {card.tags.map((tag) => (
              <span key={tag} className="badge badge-neutral">
                {tag}
              </span>
            ))}
          </div>
        ) : null}
      </div>

      <div className="contact-layout">
        <div className="contact-main">
          <section className="card" aria-labelledby="timeline-heading">
            <div className="card-header">
              <h2 id="timeline-heading">{t.timeline}</h2>
              <p className="muted small">{t.timelineHint}</p>
            </div>
            <div className="card-body">
              <ContactTimeline
                contactId={card.id}
                firstPage={firstPage}
                funnelName={(id) => funnelNames.get(id) ?? null}
              />
            </div>
          </section>
        </div>

        <aside className="contact-side">
          <StagesSection card={card} />
          <ContactJourneys contactId={card.id} />
          <ProfileSection card={card} />
          <ConsentSection consent={card.consent} />
          <PropertiesSection traits={card.traits} />
        </aside>
      </div>
    </>
  );
}

function StagesSection({ card }: { card: ContactCard }) {
  return (
    <section className="card" aria-labelledby="stages-heading">
      <div className="card-header">
        <h2 id="stages-heading">{t.stages}</h2>
      </div>
      <div className="card-body">
        {card.stages.length === 0 ? (
          <p className="muted small">{t.noStages}</p>
        ) : (
          <ul className="plain-list">
            {card.stages.map((s) => (
              <li key={s.funnelId} className="contact-stage">
                <div className="contact-stage-row">
                  <Link to={`/funnels/${s.funnelId}`} className="table-strong">
                    {s.funnelName}
                  </Link>
                  <span className={`badge ${kindBadge(s.stageKind)}`}>{s.stageName}</span>
                </div>
                <div className="muted small">
                  {t.inStageSince(formatDate(s.enteredAt))}
                  {s.lostReason ? ` · ${s.lostReason}` : ""}
                  {s.lostNote ? ` · “${s.lostNote}”` : ""}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function kindBadge(kind: string): string {
  if (kind === "won") return "badge-success";
  if (kind === "lost") return "badge-danger";
  return "badge-secret";
}

function ProfileSection({ card }: { card: ContactCard }) {
  const rows: [string, string | null][] = [
    [t.email, card.email],
    [t.phone, card.phone],
    [t.userId, card.userId],
    [t.city, card.city],
    [t.country, card.country],
    [t.gender, card.gender],
    [t.birthday, card.birthday ? formatDate(card.birthday) : null],
    [t.timeZone, card.timeZone],
    [t.preferredChannel, card.preferredChannel ? sourceLabel(card.preferredChannel) : null],
    [t.source, card.source ? sourceLabel(card.source) : null],
    [t.revenue, card.lifetimeRevenue],
    [t.orders, String(card.orderCount)],
  ];
  return (
    <section className="card" aria-labelledby="profile-heading">
      <div className="card-header">
        <h2 id="profile-heading">{t.profile}</h2>
      </div>
      <div className="card-body">
        <dl className="kv">
          {rows.map(([label, value]) => (
            <div key={label} className="kv-row">
              <dt>{label}</dt>
              <dd>{value ? value : <span className="muted">{t.notSet}</span>}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}

function ConsentSection({ consent }: { consent: Record<string, string> }) {
  const entries = Object.entries(consent);
  return (
    <section className="card" aria-labelledby="consent-heading">
      <div className="card-header">
        <h2 id="consent-heading">{t.consent}</h2>
      </div>
      <div className="card-body">
        {entries.length === 0 ? (
          <p className="muted small">{t.noConsent}</p>
        ) : (
          <dl className="kv">
            {entries.map(([channel, state]) => (
              <div key={channel} className="kv-row">
                <dt>{sourceLabel(channel)}</dt>
                <dd>
                  <span
                    className={`badge ${state === "subscribed" ? "badge-success" : "badge-neutral"}`}
                  >
                    {state === "subscribed" ? t.subscribed : t.unsubscribed}
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </section>
  );
}

function PropertiesSection({ traits }: { traits: Record<string, unknown> }) {
  const count = Object.keys(traits).length;
  return (
    <section className="card" aria-labelledby="properties-heading">
      <div className="card-header">
        <h2 id="properties-heading">{t.properties}</h2>
        <p className="muted small">{t.propertiesHint}</p>
      </div>
      <div className="card-body">
        {count === 0 ? (
          <p className="muted small">{t.noProperties}</p>
        ) : (
          <details className="json-details">
            <summary>{t.showProperties(count)}</summary>
            <pre className="json">{JSON.stringify(traits, null, 2)}</pre>
          </details>
        )}
      </div>
    </section>
  );
}
