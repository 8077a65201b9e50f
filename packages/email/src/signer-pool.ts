/**
 * RSA-SHA256 signatures (DKIM's `b=`) on a small pool of worker threads, sized to the cores
 * the event loop leaves free (one on a 2-core machine).
 *
 * Every email carries one RSA-2048 signature (≈ 0.25 ms of CPU, the largest single cost of a
 * send). `crypto.sign` with a callback would use libuv's thread pool — four threads by default,
 * woken once per signature, competing with the event loop and the database for two cores.
 * Here the signatures requested within one turn of the event loop go to a worker as one
 * message and come back as one: measured with `pnpm bench email`, ≈ 1,600–1,800 emails/s with
 * libuv's pool against ≈ 2,000 with one worker on 2 cores (see docs/benchmarks.md).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

// Plain CommonJS evaluated in the worker (no loader needed: the package ships TypeScript).
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { createPrivateKey, sign } = require("node:crypto");
const keys = new Map();
parentPort.on("message", ({ pems, jobs }) => {
  const out = [];
  for (const [id, k, data] of jobs) {
    try {
      const pem = pems[k];
      let key = keys.get(pem);
      if (!key) {
        if (keys.size >= 1000) keys.clear();
        key = createPrivateKey(pem);
        keys.set(pem, key);
      }
      out.push([id, sign("sha256", Buffer.from(data, "utf8"), key).toString("base64"), null]);
    } catch (err) {
      out.push([id, null, String(err && err.message ? err.message : err)]);
    }
  }
  parentPort.postMessage(out);
});
`;

type Reply = Array<[id: number, signature: string | null, error: string | null]>;

interface Pending {
  resolve(signature: string): void;
  reject(err: Error): void;
}

class Signer {
  private worker: Worker | null = null;
  /** Requests sent to the worker and not answered yet. */
  readonly waiting = new Map<number, Pending>();

  send(pems: string[], jobs: Array<[number, number, string]>, pending: Map<number, Pending>) {
    const w = this.worker ?? this.start();
    for (const [id] of jobs) {
      const p = pending.get(id);
      if (p) this.waiting.set(id, p);
    }
    w.ref();
    w.postMessage({ pems, jobs });
  }

  private start(): Worker {
    const w = new Worker(WORKER_SOURCE, { eval: true });
    w.on("message", (reply: Reply) => {
      for (const [id, signature, error] of reply) {
        const p = this.waiting.get(id);
        this.waiting.delete(id);
        if (!p) continue;
        if (signature !== null) p.resolve(signature);
        else p.reject(new Error(`DKIM signing failed: ${error ?? "unknown error"}`));
      }
      // An idle worker must not keep the process alive.
      if (this.waiting.size === 0) w.unref();
    });
    const fail = (err: Error) => {
      if (this.worker === w) this.worker = null;
      for (const p of this.waiting.values()) p.reject(err);
      this.waiting.clear();
    };
    w.on("error", fail);
    w.on("exit", (code) => fail(new Error(`DKIM signer thread exited (${code})`)));
    this.worker = w;
    return w;
  }

  close(): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
  }
}

const SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));
const signers: Signer[] = [];
let queue: Array<{ id: number; pem: string; data: string }> = [];
const pending = new Map<number, Pending>();
let nextId = 0;
let scheduled = false;

function flush(): void {
  scheduled = false;
  const batch = queue;
  queue = [];
  if (signers.length < SIZE) signers.push(new Signer());
  // Split the turn's requests evenly over the pool, least busy first.
  const ordered = [...signers].sort((a, b) => a.waiting.size - b.waiting.size);
  const per = Math.ceil(batch.length / ordered.length);
  for (let s = 0; s < ordered.length && s * per < batch.length; s++) {
    const part = batch.slice(s * per, (s + 1) * per);
    const pems: string[] = [];
    const jobs: Array<[number, number, string]> = part.map((r) => {
      let k = pems.indexOf(r.pem);
      if (k < 0) k = pems.push(r.pem) - 1;
      return [r.id, k, r.data];
    });
    ordered[s]?.send(pems, jobs, pending);
    for (const r of part) pending.delete(r.id);
  }
}

/** The base64 RSA-SHA256 signature of `data` (UTF-8) with a PEM private key, off the event loop. */
export function rsaSha256Sign(privateKeyPem: string, data: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    queue.push({ id, pem: privateKeyPem, data });
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
}

/** Stops the signer threads (tests, shutdown); the next signature starts them again. */
export function closeSigners(): void {
  for (const s of signers.splice(0)) s.close();
}
