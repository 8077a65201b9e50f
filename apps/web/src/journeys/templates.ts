import abandonedCart from "../../../../test/fixtures/journeys/abandoned-cart.json";
import banquet from "../../../../test/fixtures/journeys/banquet.json";
import ecommerceFunnel from "../../../../test/fixtures/journeys/ecommerce-funnel.json";
import winBack from "../../../../test/fixtures/journeys/win-back.json";
import { templateStrings as t } from "./strings.ts";

/** A ready-made journey a marketer can start from. */
export interface JourneyTemplate {
  id: string;
  name: string;
  description: string;
  draft: Record<string, unknown>;
}

/** The shared journey fixtures, offered as templates in "New journey". */
export const JOURNEY_TEMPLATES: readonly JourneyTemplate[] = [
  {
    id: "abandoned-cart",
    ...t["abandoned-cart"],
    draft: abandonedCart,
  },
  {
    id: "ecommerce-funnel",
    ...t["ecommerce-funnel"],
    draft: ecommerceFunnel,
  },
  {
    id: "win-back",
    ...t["win-back"],
    draft: winBack,
  },
  {
    id: "banquet",
    ...t.banquet,
    draft: banquet,
  },
];
