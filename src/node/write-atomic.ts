/** Writing a file so that no reader ever sees half of it: into a temporary file beside it, then renamed over it. */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { TthcError } from '../errors.js';
import { UsageError } from './command.js';

/**
 * Writes `text` to `path` atomically: a CI step that reads the report, or a second run, finds the old file or the
 * new one, never a truncated one. The temporary file is in the same directory (a rename across file systems is not
 * atomic) and is removed when anything fails.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * {@link writeFileAtomic} for a file named by a flag: a directory that does not exist is a usage error (exit 2), as
 * for every path; any other failure an IO_ERROR (exit 1) that names the file.
 */
export async function writeFlagFile(flag: string, shown: string, path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(`--${flag} ${shown}: no such directory`, `--${flag} ${shown}: không có thư mục này`);
    if (code === 'EISDIR') throw new UsageError(`--${flag} ${shown} is a directory`, `--${flag} ${shown} là một thư mục, không phải tệp`);
    const message = error instanceof Error ? error.message : String(error);
    // The system's message is in English; the Vietnamese gives its code (`EACCES`, `ENOSPC`), the same on every host.
    throw new TthcError('IO_ERROR', `cannot write ${shown}: ${message}`, {
      cause: error,
      messageVi: `không ghi được tệp ${shown} (${typeof code === 'string' ? code : 'lỗi khi ghi'})`,
    });
  }
}
