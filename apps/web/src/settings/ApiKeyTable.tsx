import type { ApiKey } from "@voronka/contract";
import { formatDate, formatDateTime, formatRelative } from "../ui/format.ts";
import { keyKindLabel } from "./key-kinds.ts";
import { keyStrings as t } from "./strings.ts";

interface Props {
  keys: ApiKey[];
  onRevoke(key: ApiKey): void;
}

/** The workspace's keys: what each is called, its kind, how it starts and when it was used. */
export function ApiKeyTable({ keys, onRevoke }: Props) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t.colName}</th>
            <th scope="col">{t.colKind}</th>
            <th scope="col">{t.colKey}</th>
            <th scope="col">{t.colCreated}</th>
            <th scope="col">{t.colLastUsed}</th>
            <th scope="col">
              <span className="visually-hidden">{t.colActions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <td className="table-strong">{key.name}</td>
              <td>
                <span className={`badge badge-${key.kind}`}>{keyKindLabel[key.kind]}</span>
              </td>
              <td>
                <code className="key-prefix">{key.prefix}…</code>
              </td>
              <td>
                <time dateTime={key.createdAt} title={formatDateTime(key.createdAt)}>
                  {formatDate(key.createdAt)}
                </time>
              </td>
              <td>
                {key.lastUsedAt ? (
                  <time dateTime={key.lastUsedAt} title={formatDateTime(key.lastUsedAt)}>
                    {formatRelative(key.lastUsedAt)}
                  </time>
                ) : (
                  <span className="muted">{t.never}</span>
                )}
              </td>
              <td className="table-actions">
                <button
                  type="button"
                  className="button button-small button-danger-ghost"
                  aria-label={t.revokeFor(key.name)}
                  onClick={() => onRevoke(key)}
                >
                  {t.revoke}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
