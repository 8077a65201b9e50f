// Shared by the channel/task API tests (not used at runtime).
import { createManagerTasks, type Db, storeEvents } from "@voronka/db";

/** A task for a fresh contact, as a journey's notify-manager step creates it. */
export async function seedTask(db: Db, workspaceId: string, message: string) {
  const { stored } = await storeEvents(db, workspaceId, [
    {
      messageId: `identify-${message}`,
      type: "identify",
      name: null,
      userId: `u-${message}`,
      anonymousId: null,
      identities: [{ kind: "user_id", value: `u-${message}` }],
      patch: { firstName: "Ann", lastName: "Lee" },
      properties: {},
      context: {},
      timestamp: new Date(),
    },
  ]);
  const contactId = stored[0]?.contactId ?? "";
  const ids = await createManagerTasks(db, [
    {
      workspaceId,
      effectKey: `key-${message}`,
      contactId,
      journeyId: null,
      nodeId: null,
      message,
      assigneeId: null,
      dueAt: new Date("2026-11-26T10:00:00Z"),
    },
  ]);
  return { contactId, taskId: ids.get(`key-${message}`) ?? "" };
}
