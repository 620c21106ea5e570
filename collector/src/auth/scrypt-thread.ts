import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * scrypt on threads of our own at a low CPU priority, so a burst of sign-ins cannot slow the
 * answers: `crypto.scrypt` runs on libuv's pool at the priority of everything else, and a sign-in
 * spray on a 2-core server then took a core from the answer route and PostgreSQL. Each thread runs
 * `scryptSync`, one hash at a time, after lowering its own priority to nice 10 (Linux: by its
 * thread id from /proc/thread-self; elsewhere it keeps the normal priority). Nice 10, not 19: on a
 * saturated core a hash still gets about a tenth of it (a sign-in waits about a second, not ten).
 * The threads start on the first hash and keep the process alive only while a hash is pending.
 * Node's worker_threads, not a package: piscina and tinypool queue without a priority to set, and
 * this is the one job these threads do.
 */
const threadSource = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0) require('node:os').setPriority(tid, 10);
} catch {}
parentPort.on('message', ({ id, password, salt, keyLength, options }) => {
  try {
    parentPort.postMessage({ id, key: scryptSync(password, salt, keyLength, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});`;

interface Pending {
  resolve(key: Buffer): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

const size = Math.max(1, Math.floor(availableParallelism() / 2));
const threads: Array<Thread | undefined> = [];
let nextId = 0;

function startThread(slot: number): Thread {
  const thread: Thread = { worker: new Worker(threadSource, { eval: true }), pending: new Map() };
  const failAll = (error: Error) => {
    if (threads[slot] === thread) threads[slot] = undefined;
    for (const { reject } of thread.pending.values()) reject(error);
    thread.pending.clear();
  };
  thread.worker.unref();
  thread.worker.on('message', ({ id, key, error }: { id: number; key?: Uint8Array; error?: string }) => {
    const waiting = thread.pending.get(id);
    thread.pending.delete(id);
    if (thread.pending.size === 0) thread.worker.unref();
    if (!waiting) return;
    if (error !== undefined || !key) waiting.reject(new Error(error ?? 'scrypt gave no key'));
    else waiting.resolve(Buffer.from(key.buffer, key.byteOffset, key.byteLength));
  });
  thread.worker.on('error', failAll);
  thread.worker.on('exit', (code) => failAll(new Error(`the scrypt thread stopped (exit code ${code})`)));
  return thread;
}

/** The slot to use: an idle thread, else a slot with none yet, else the least busy thread. */
function pickSlot(): number {
  const slots = Array.from({ length: size }, (_, i) => i);
  const idle = slots.find((i) => threads[i]?.pending.size === 0);
  if (idle !== undefined) return idle;
  const empty = slots.find((i) => !threads[i]);
  if (empty !== undefined) return empty;
  return slots.reduce((least, i) => (threads[i]!.pending.size < threads[least]!.pending.size ? i : least));
}

/** `crypto.scrypt` of `password` on a low-priority thread (an idle one if there is one). */
export function scryptOnThread(password: string, salt: Buffer, keyLength: number, options: { N: number; r: number; p: number; maxmem: number }): Promise<Buffer> {
  const slot = pickSlot();
  const thread = (threads[slot] ??= startThread(slot));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    thread.pending.set(id, { resolve, reject });
    thread.worker.ref();
    thread.worker.postMessage({ id, password, salt, keyLength, options });
  });
}
