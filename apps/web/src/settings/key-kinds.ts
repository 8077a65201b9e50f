import type { ApiKeyKind } from "@voronka/contract";

/** How each kind of API key is named everywhere in the UI. */
export const keyKindLabel: Record<ApiKeyKind, string> = {
  write: "Write key (events)",
  secret: "Secret key (management API)",
};
