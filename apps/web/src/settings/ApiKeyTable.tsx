import type { ApiKey } from "@voronka/contract";
import { formatDate, formatDateTime, formatRelative } from "../ui/format.ts";
import { keyKindLabel } from "./key-kinds.ts";

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
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Key</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
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
                  <span className="muted">Never</span>
                )}
              </td>
              <td className="table-actions">
                <button
                  type="button"
                  className="button button-small button-danger-ghost"
                  aria-label={`Revoke ${key.name}`}
                  onClick={() => onRevoke(key)}
                >
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
