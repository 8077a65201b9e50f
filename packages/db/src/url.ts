import os from "node:os";

/**
 * Fills in the user name the way libpq (psql) does when a URL has none: the OS user.
 * node-postgres instead reads `$USER`, which is unset in many service and CI environments.
 */
export function withDefaultUser(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.username || url.searchParams.has("user")) return databaseUrl;
  url.username = encodeURIComponent(os.userInfo().username);
  return url.toString();
}
