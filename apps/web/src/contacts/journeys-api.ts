import { ContactJourneyList } from "@voronka/contract";
import { request } from "../api/client.ts";

/** The journeys a contact is in, and where (`GET /api/contacts/{id}/journeys`). */
export const contactJourneys = (contactId: string) =>
  request("GET", `/api/contacts/${encodeURIComponent(contactId)}/journeys`, ContactJourneyList);
