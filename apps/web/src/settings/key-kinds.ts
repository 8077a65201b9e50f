import type { ApiKeyKind } from "@voronka/contract";
import { keyStrings } from "./strings.ts";

/** How each kind of API key is named everywhere in the UI. */
export const keyKindLabel: Record<ApiKeyKind, string> = keyStrings.kinds;
