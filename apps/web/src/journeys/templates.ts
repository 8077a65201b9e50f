import abandonedCart from "../../../../test/fixtures/journeys/abandoned-cart.json";
import banquet from "../../../../test/fixtures/journeys/banquet.json";
import ecommerceFunnel from "../../../../test/fixtures/journeys/ecommerce-funnel.json";
import winBack from "../../../../test/fixtures/journeys/win-back.json";

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
    name: "Abandoned cart",
    description: "Reminds shoppers who left items in the cart, then offers a discount.",
    draft: abandonedCart,
  },
  {
    id: "ecommerce-funnel",
    name: "Online store welcome",
    description: "Welcomes new sign-ups and nudges them towards a first order.",
    draft: ecommerceFunnel,
  },
  {
    id: "win-back",
    name: "Win back lapsed customers",
    description: "An A/B-tested offer for customers who have gone quiet.",
    draft: winBack,
  },
  {
    id: "banquet",
    name: "Banquet hall sales",
    description: "Follows a lead from enquiry to signed contract and the event itself.",
    draft: banquet,
  },
];
