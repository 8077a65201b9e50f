import { JourneyVersion, type TestRunBody, TestRunResult } from "@voronka/contract";
import { request } from "../api/client.ts";

/** Calls of the editor's own: test runs and published versions. */
export const journeyApi = {
  testRun: (journeyId: string, body: TestRunBody) =>
    request("POST", `/api/journeys/${encodeURIComponent(journeyId)}/test-run`, TestRunResult, body),
  version: (journeyId: string, version: number) =>
    request(
      "GET",
      `/api/journeys/${encodeURIComponent(journeyId)}/versions/${version}`,
      JourneyVersion,
    ),
};
