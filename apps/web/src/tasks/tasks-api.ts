import { ManagerTask } from "@voronka/contract";
import { request } from "../api/client.ts";

const TaskList = { safeParse: (data: unknown) => parseList(data) };

function parseList(
  data: unknown,
): { success: true; data: { data: ManagerTask[] } } | { success: false } {
  if (
    typeof data !== "object" ||
    data === null ||
    !Array.isArray((data as { data?: unknown }).data)
  ) {
    return { success: false };
  }
  const out: ManagerTask[] = [];
  for (const item of (data as { data: unknown[] }).data) {
    const parsed = ManagerTask.safeParse(item);
    if (!parsed.success) return { success: false };
    out.push(parsed.data);
  }
  return { success: true, data: { data: out } };
}

/** Typed calls to the tasks API. */
export const tasksApi = {
  list: (status: "open" | "done") =>
    request("GET", `/api/tasks?status=${status}&limit=200`, TaskList),
  complete: (id: string) => request("POST", `/api/tasks/${id}/complete`, ManagerTask),
};
