import { Audience, AudienceDestination, StageAudienceSetting } from "@voronka/contract";
import { request, type Schema } from "../api/client.ts";

type AudienceData = ReturnType<typeof Audience.parse>;
type DestinationData = ReturnType<typeof AudienceDestination.parse>;

const AudienceList: Schema<{ data: AudienceData[] }> = {
  safeParse(data: unknown) {
    const list = (data as { data?: unknown } | undefined)?.data; // checked by the schema below
    const parsed = Audience.array().safeParse(list);
    return parsed.success ? { success: true, data: { data: parsed.data } } : { success: false };
  },
};
const Status: Schema<{ data: DestinationData[] }> = {
  safeParse(data: unknown) {
    const list = (data as { data?: unknown } | undefined)?.data; // checked by the schema below
    const parsed = AudienceDestination.array().safeParse(list);
    return parsed.success ? { success: true, data: { data: parsed.data } } : { success: false };
  },
};
const One: Schema<AudienceData> = Audience;
type SettingData = ReturnType<typeof StageAudienceSetting.parse>;
const Setting: Schema<SettingData> = StageAudienceSetting;

/** Typed calls to the audiences API. */
export const audiencesApi = {
  list: () => request("GET", "/api/audiences", AudienceList),
  create: (name: string) => request("POST", "/api/audiences", One, { name }),
  sync: (audienceId: string) =>
    request("POST", `/api/audiences/${encodeURIComponent(audienceId)}/sync`, Status),
  stageSetting: (funnelId: string) =>
    request("GET", `/api/funnels/${encodeURIComponent(funnelId)}/stage-audiences`, Setting),
  setStageSetting: (funnelId: string, perStage: boolean) =>
    request("PUT", `/api/funnels/${encodeURIComponent(funnelId)}/stage-audiences`, Setting, {
      perStage,
    }),
  exportUrl: (audienceId: string, hashed: boolean) =>
    `/api/audiences/${encodeURIComponent(audienceId)}/export.csv?hashed=${hashed}`,
};

export type { AudienceData, DestinationData };
