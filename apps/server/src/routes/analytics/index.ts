export { channelAnalyticsRoutes } from "./channels.ts";
export { funnelAnalyticsRoutes } from "./funnels.ts";
export { journeyAnalyticsRoutes } from "./journeys.ts";
export { rfmAnalyticsRoutes } from "./rfm.ts";
