/**
 * One writer per cache entry across processes: a lock file created exclusively next to the entry. Processes that find
 * it wait for the writer and read its entry, so eight processes started together parse the data once, not eight times.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorCode } from './_cache-store.js';

/** How long to wait for another writer: parsing the shipped data takes 10 to 18 s on a slow machine. */
export const LOCK_WAIT_MS = 30_000;
/** A lock this old is taken over even when its process seems alive (the pid may have been reused). */
export const LOCK_STALE_MS = 60_000;
const POLL_MS = 50;
const LOCK_MAX_BYTES = 256;

export interface LockTiming {
  readonly waitMs?: number;
  readonly staleMs?: number;
  readonly pollMs?: number;
}

/** What trying to take the lock came to. */
export type LockOutcome =
  /** This process holds the lock and is the writer; `release` removes it (only if it is still ours). */
  | { readonly status: 'acquired'; readonly release: () => Promise<void> }
  /** Another process held it and has let go: its entry, if it wrote one, is in place. */
  | { readonly status: 'released' }
  /** Another process still holds it after the wait. */
  | { readonly status: 'timeout' }
  /** The lock cannot be created here (read-only directory, something that is not a file at its path). */
  | { readonly status: 'failed'; readonly code: string };

/** Takes the lock at `path`, or waits (bounded) for the process holding it; a dead or stale holder's lock is taken over. */
export async function acquireLock(path: string, timing: LockTiming = {}): Promise<LockOutcome> {
  const waitMs = timing.waitMs ?? LOCK_WAIT_MS;
  const staleMs = timing.staleMs ?? LOCK_STALE_MS;
  const pollMs = timing.pollMs ?? POLL_MS;
  const owner = `${process.pid} ${hostname()} ${randomBytes(8).toString('hex')}\n`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const created = await createLock(path, owner);
    if (created === 'created') return { status: 'acquired', release: () => releaseLock(path, owner) };
    if (created !== 'exists') return { status: 'failed', code: created };
    const holder = await readHolder(path);
    if (holder === 'gone') continue;
    if (holder === 'not a file') return { status: 'failed', code: 'a lock path that is not a file' };
    if (isStale(holder, staleMs)) {
      await removeIfUnchanged(path, holder.text);
      continue;
    }
    if (Date.now() >= deadline) return { status: 'timeout' };
    await sleep(pollMs);
    if ((await readHolder(path)) === 'gone') return { status: 'released' };
  }
}

interface Holder {
  readonly text: string;
  readonly pid: number | undefined;
  readonly host: string | undefined;
  readonly mtimeMs: number;
}

async function createLock(path: string, owner: string): Promise<'created' | 'exists' | string> {
  try {
    const handle = await open(path, 'wx', 0o644);
    try {
      await handle.writeFile(owner);
    } finally {
      await handle.close();
    }
    return 'created';
  } catch (error) {
    const code = errorCode(error);
    return code === 'EEXIST' ? 'exists' : code;
  }
}

/** The lock's holder, read without following links or blocking on a FIFO. */
async function readHolder(path: string): Promise<Holder | 'gone' | 'not a file'> {
  const info = await lstat(path).catch(() => undefined);
  if (info === undefined) return 'gone';
  if (!info.isFile()) return 'not a file';
  let text = '';
  try {
    const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    try {
      const buffer = Buffer.alloc(LOCK_MAX_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, LOCK_MAX_BYTES, 0);
      text = buffer.toString('utf8', 0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return 'gone';
  }
  // Empty while its creator is still writing it: judged by age alone until then.
  const [pid, host] = text.split(' ');
  const parsedPid = Number(pid);
  return { text, pid: Number.isSafeInteger(parsedPid) && parsedPid > 0 ? parsedPid : undefined, host, mtimeMs: info.mtimeMs };
}

function isStale(holder: Holder, staleMs: number): boolean {
  if (Date.now() - holder.mtimeMs > staleMs) return true;
  // A pid means something only on the host that wrote it (a cache directory may be shared over a network).
  return holder.pid !== undefined && holder.host === hostname() && !isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return errorCode(error) === 'EPERM';
  }
}

/** Removes a stale lock unless another process took it over meanwhile (a narrow race that costs a second parse only). */
async function removeIfUnchanged(path: string, text: string): Promise<void> {
  const now = await readHolder(path);
  if (typeof now === 'object' && now.text === text) await unlink(path).catch(() => undefined);
}

async function releaseLock(path: string, owner: string): Promise<void> {
  await removeIfUnchanged(path, owner);
}
