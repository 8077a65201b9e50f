import { type Db, ingestEvents, type NormalizedEvent } from "@voronka/db";

interface Entry {
  events: NormalizedEvent[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface Queue {
  pending: Entry[];
  /** Writers running for this workspace now. */
  running: number;
}

/**
 * Group commit for ingestion. Requests for the same workspace that arrive while a write is in
 * flight are merged into the next transaction (up to `maxEvents`), so per-transaction costs —
 * identity lookup, contact update, rule check, the commit's fsync — are paid once per group
 * instead of once per request (at most `writers` transactions per workspace run at once). Nothing waits when the server is idle: a lone request is written
 * at once. Each request still resolves only after its events are committed. If a merged write
 * fails, its requests are retried one by one, so one bad request cannot fail the others.
 */
export class IngestBuffer {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly db: Db,
    private readonly maxEvents = 2000,
    /** Concurrent transactions per workspace: two keep both Postgres and Node busy. */
    private readonly writers = 2,
  ) {}

  store(workspaceId: string, events: NormalizedEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      let queue = this.queues.get(workspaceId);
      if (!queue) {
        queue = { pending: [], running: 0 };
        this.queues.set(workspaceId, queue);
      }
      queue.pending.push({ events, resolve, reject });
      void this.pump(workspaceId, queue);
    });
  }

  private async pump(workspaceId: string, queue: Queue): Promise<void> {
    if (queue.running >= this.writers) return;
    queue.running += 1;
    try {
      while (queue.pending.length > 0) {
        const group: Entry[] = [];
        let size = 0;
        while (
          queue.pending.length > 0 &&
          (group.length === 0 || size + queue.pending[0]!.events.length <= this.maxEvents)
        ) {
          const entry = queue.pending.shift()!;
          group.push(entry);
          size += entry.events.length;
        }
        await this.write(workspaceId, group);
      }
    } finally {
      queue.running -= 1;
      if (queue.running === 0 && queue.pending.length === 0) this.queues.delete(workspaceId);
    }
  }

  private async write(workspaceId: string, group: Entry[]): Promise<void> {
    try {
      await ingestEvents(
        this.db,
        workspaceId,
        group.flatMap((e) => e.events),
      );
      for (const entry of group) entry.resolve();
    } catch (err) {
      if (group.length === 1) {
        group[0]!.reject(err);
        return;
      }
      for (const entry of group) {
        await ingestEvents(this.db, workspaceId, entry.events).then(entry.resolve, entry.reject);
      }
    }
  }
}

const buffers = new WeakMap<Db, IngestBuffer>();

/** The buffer of a database handle (one per server process). */
export function ingestBuffer(db: Db): IngestBuffer {
  let buffer = buffers.get(db);
  if (!buffer) {
    buffer = new IngestBuffer(db);
    buffers.set(db, buffer);
  }
  return buffer;
}
