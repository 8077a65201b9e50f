import type { ContactSummary, FunnelList } from "@voronka/contract";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api, type ContactListParams } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { EmptyState } from "../ui/EmptyState.tsx";
import { formatDateTime, formatRelative } from "../ui/format.ts";
import { ContactsIcon } from "../ui/Icons.tsx";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { BulkActions } from "./BulkActions.tsx";
import { bulkStrings as bt } from "./bulk-strings.ts";
import { contactName, knownSources, sourceLabel } from "./labels.ts";
import { StageFilter } from "./StageFilter.tsx";
import { listStrings as t } from "./strings.ts";

const PAGE_SIZE = 50;
const FILTER_KEYS = ["q", "funnel", "stage", "tag", "source", "consent"] as const;

type Page =
  | { status: "loading" }
  | { status: "error"; error: unknown }
  | { status: "ready"; rows: ContactSummary[]; nextCursor: string | null; more: boolean };

/** Everyone the workspace knows: search, filters, and pages that load on demand. */
export function ContactsPage() {
  const [search, setSearch] = useSearchParams();
  const filters: ContactListParams = {};
  for (const key of FILTER_KEYS) {
    const value = search.get(key);
    if (value) filters[key] = value;
  }
  const filterKey = JSON.stringify(filters);
  const filtered = Object.keys(filters).length > 0;
  const [page, setPage] = useState<Page>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const funnels = useQuery(api.listFunnels);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  // biome-ignore lint/correctness/useExhaustiveDependencies: `filterKey` stands for `filters`.
  useEffect(() => {
    let current = true;
    setPage({ status: "loading" });
    setSelected(new Set());
    api.listContacts({ ...filters, limit: PAGE_SIZE }).then(
      (result) =>
        current &&
        setPage({ status: "ready", rows: result.data, nextCursor: result.nextCursor, more: false }),
      (error: unknown) => current && setPage({ status: "error", error }),
    );
    return () => {
      current = false;
    };
  }, [filterKey, generation]);

  async function loadMore() {
    if (page.status !== "ready" || !page.nextCursor) return;
    setPage({ ...page, more: true });
    try {
      const next = await api.listContacts({
        ...filters,
        limit: PAGE_SIZE,
        cursor: page.nextCursor,
      });
      setPage({
        status: "ready",
        rows: [...page.rows, ...next.data],
        nextCursor: next.nextCursor,
        more: false,
      });
    } catch (error) {
      setPage({ status: "error", error });
    }
  }

  function setFilter(changes: Partial<Record<(typeof FILTER_KEYS)[number], string>>) {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearch(next, { replace: true });
  }

  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={
          <Link className="button" to="/contacts/import">
            {t.importCsv}
          </Link>
        }
      />
      <div className="stack">
        {/* An empty workspace has nothing to filter: the empty state below says what to do. */}
        {filtered || page.status !== "ready" || page.rows.length > 0 ? (
          <Filters
            key={filtered ? "filtered" : "all"}
            filters={filters}
            funnels={funnels.state.status === "success" ? funnels.state.data : null}
            onChange={setFilter}
            onClear={filtered ? () => setSearch(new URLSearchParams(), { replace: true }) : null}
          />
        ) : null}
        {page.status === "loading" ? <Loading label={t.loading} /> : null}
        {page.status === "error" ? (
          <LoadError error={page.error} onRetry={() => setGeneration((g) => g + 1)} />
        ) : null}
        {page.status === "ready" && page.rows.length === 0 ? (
          filtered ? (
            <p className="table-empty">{t.noMatches}</p>
          ) : (
            <EmptyState icon={<ContactsIcon size={28} />} title={t.emptyTitle}>
              <p>{t.emptyBody}</p>
              <p>
                <Link to="/contacts/import">{t.emptyImport}</Link> {t.emptyOr}{" "}
                <Link to="/settings">{t.emptyKey}</Link>.
              </p>
            </EmptyState>
          )
        ) : null}
        {page.status === "ready" && page.rows.length > 0 ? (
          <>
            <BulkActions
              selected={[...selected]}
              funnels={funnels.state.status === "success" ? funnels.state.data : null}
              filters={filters}
              onClear={() => setSelected(new Set())}
            />
            <ContactTable rows={page.rows} selected={selected} onSelect={setSelected} />
            {page.nextCursor ? (
              <div className="list-more">
                <button type="button" className="button" onClick={loadMore} disabled={page.more}>
                  {page.more ? t.loadingMore : t.loadMore}
                </button>
                <span className="muted small">{t.shown(page.rows.length)}</span>
              </div>
            ) : (
              <p className="muted small list-more">{t.allShown(page.rows.length)}</p>
            )}
          </>
        ) : null}
      </div>
    </>
  );
}

interface FiltersProps {
  filters: ContactListParams;
  funnels: FunnelList | null;
  onChange(changes: Partial<Record<(typeof FILTER_KEYS)[number], string>>): void;
  /** Shown as "Clear filters" while any filter is set. */
  onClear: (() => void) | null;
}

function Filters({ filters, funnels, onChange, onClear }: FiltersProps) {
  const [q, setQ] = useState(filters.q ?? "");
  const [tag, setTag] = useState(filters.tag ?? "");

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onChange({ q: q.trim(), tag: tag.trim() });
  }

  return (
    <form className="contacts-filters" onSubmit={handleSubmit} aria-label={t.filtersLabel}>
      <div className="toolbar">
        <div className="field toolbar-grow">
          <label htmlFor="contacts-q">{t.search}</label>
          <input
            id="contacts-q"
            className="input"
            type="search"
            placeholder={t.searchPlaceholder}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary">
          {t.apply}
        </button>
        {onClear ? (
          <button type="button" className="button button-ghost" onClick={onClear}>
            {t.clearFilters}
          </button>
        ) : null}
      </div>
      <div className="toolbar">
        <StageFilter
          funnels={funnels}
          funnel={filters.funnel ?? ""}
          stage={filters.stage ?? ""}
          onChange={(funnel, stage) => onChange({ funnel, stage })}
        />
        <div className="field">
          <label htmlFor="contacts-consent">{t.consent}</label>
          <select
            id="contacts-consent"
            className="input select"
            value={filters.consent ?? ""}
            onChange={(e) => onChange({ consent: e.target.value })}
          >
            <option value="">{t.anyConsent}</option>
            <option value="email=subscribed">{t.emailSubscribed}</option>
            <option value="email=unsubscribed">{t.emailUnsubscribed}</option>
            <option value="sms=subscribed">{t.smsSubscribed}</option>
          </select>
        </div>
        <div className="field contacts-filter-short">
          <label htmlFor="contacts-tag">{t.tag}</label>
          <input
            id="contacts-tag"
            className="input"
            placeholder={t.tagPlaceholder}
            value={tag}
            onChange={(e) => setTag(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="contacts-source">{t.source}</label>
          <select
            id="contacts-source"
            className="input select"
            value={filters.source ?? ""}
            onChange={(e) => onChange({ source: e.target.value })}
          >
            <option value="">{t.anySource}</option>
            {knownSources.map((source) => (
              <option key={source} value={source}>
                {sourceLabel(source)}
              </option>
            ))}
            {filters.source && !(knownSources as readonly string[]).includes(filters.source) ? (
              <option value={filters.source}>{sourceLabel(filters.source)}</option>
            ) : null}
          </select>
        </div>
      </div>
    </form>
  );
}

interface TableProps {
  rows: ContactSummary[];
  selected: ReadonlySet<string>;
  onSelect(next: ReadonlySet<string>): void;
}

function ContactTable({ rows, selected, onSelect }: TableProps) {
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  function toggle(contactId: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(contactId);
    else next.delete(contactId);
    onSelect(next);
  }
  return (
    <div className="table-wrap">
      <table className="table contacts-table">
        <thead>
          <tr>
            <th scope="col" className="contacts-check">
              <input
                type="checkbox"
                aria-label={bt.selectAll}
                checked={allSelected}
                ref={(el) => {
                  if (el) el.indeterminate = !allSelected && selected.size > 0;
                }}
                onChange={(e) => onSelect(new Set(e.target.checked ? rows.map((r) => r.id) : []))}
              />
            </th>
            <th scope="col">{t.colName}</th>
            <th scope="col">{t.colPhone}</th>
            <th scope="col">{t.colSource}</th>
            <th scope="col">{t.colTags}</th>
            <th scope="col">{t.colLastSeen}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const name = contactName(c);
            return (
              <tr key={c.id} className={selected.has(c.id) ? "is-selected" : undefined}>
                <td className="contacts-check">
                  <input
                    type="checkbox"
                    aria-label={bt.selectOne(name)}
                    checked={selected.has(c.id)}
                    onChange={(e) => toggle(c.id, e.target.checked)}
                  />
                </td>
                <td>
                  <Link className="contacts-name" to={`/contacts/${c.id}`}>
                    {name}
                  </Link>
                  {c.email && c.email !== name ? (
                    <div className="muted small">{c.email}</div>
                  ) : null}
                </td>
                <td>{c.phone ?? <span className="muted">—</span>}</td>
                <td>{c.source ? sourceLabel(c.source) : <span className="muted">—</span>}</td>
                <td>
                  <span className="tag-list">
                    {c.tags.slice(0, 3).map((tag) => (
                      <span key={tag} className="badge badge-neutral">
                        {tag}
                      </span>
                    ))}
                    {c.tags.length > 3 ? (
                      <span className="muted small">+{c.tags.length - 3}</span>
                    ) : null}
                  </span>
                </td>
                <td>
                  <time dateTime={c.lastSeenAt} title={formatDateTime(c.lastSeenAt)}>
                    {formatRelative(c.lastSeenAt)}
                  </time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
