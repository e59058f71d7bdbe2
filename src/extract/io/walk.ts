/**
 * Input files, handled so that nothing in an input directory can hang or
 * exhaust Laurel: walking files and directories into a list of regular files
 * (each real directory read once, however many symbolic links lead to it),
 * and reading one file with a size limit (devices, FIFOs and sockets are
 * named and refused, never opened for a blocking read).
 */
import { constants } from 'node:fs';
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { extname, join } from 'node:path';

/** A file that cannot be read as an article; `reason` is meant for the user. */
export class ArticleReadError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    /** The system's error code (ENOENT, ELOOP, …) when a file-system call failed. */
    readonly code?: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'ArticleReadError';
  }
}

/** Text, Markdown, and saved web pages (read by ./html.ts). */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.html', '.htm'];

/** Whether a file found in a directory is read as an article (by its extension). */
export const isArticleFile = (path: string): boolean => ARTICLE_EXTENSIONS.includes(extname(path).toLowerCase());

export interface WalkOptions {
  /** Which files found inside directories to take; files named as inputs are always taken. */
  accept?: (path: string) => boolean;
}

export interface Walked {
  /** Regular files, in input order, each directory's entries sorted by name. */
  files: string[];
  /** Inputs and entries that cannot be read, with the reason; the walk goes on past them. */
  errors: ArticleReadError[];
}

/**
 * Expands files and directories (recursively; hidden entries skipped) into
 * a list of regular files. Symbolic links are followed, but each real
 * directory is read at most once, so links back up the tree (`ln -s . loop`)
 * end the walk instead of multiplying it. What is not a regular file, and
 * what cannot be looked at (ELOOP, EACCES, …), becomes an error naming it.
 */
export async function walkInputs(inputs: readonly string[], options: WalkOptions = {}): Promise<Walked> {
  const accept = options.accept ?? isArticleFile;
  const files: string[] = [];
  const errors: ArticleReadError[] = [];
  const visited = new Set<string>();

  async function visit(path: string, explicit: boolean): Promise<void> {
    let s: Stats;
    try {
      s = await stat(path);
    } catch (err) {
      errors.push(fsError(path, err));
      return;
    }
    if (s.isDirectory()) {
      let real: string;
      let names: string[];
      try {
        real = await realpath(path);
        if (visited.has(real)) return; // reached again through a link: read once is enough
        visited.add(real);
        names = (await readdir(path)).sort();
      } catch (err) {
        errors.push(fsError(path, err));
        return;
      }
      for (const name of names) if (!name.startsWith('.')) await visit(join(path, name), false);
      return;
    }
    if (!explicit && !accept(path)) return;
    if (!s.isFile()) errors.push(new ArticleReadError(path, `${kindOf(s)}, not a regular file`));
    else files.push(path);
  }

  for (const input of inputs) await visit(input, true);
  return { files, errors };
}

/** What a non-regular file is, for messages. */
export function kindOf(s: Stats): string {
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  if (s.isDirectory()) return 'a directory';
  return 'not a regular file';
}

function fsError(path: string, err: unknown): ArticleReadError {
  return new ArticleReadError(path, fsReason(err), (err as NodeJS.ErrnoException).code);
}

/** The user's reason for a failed file-system call: what happened, and the system's code. */
export function fsReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'ELOOP':
      return 'too many levels of symbolic links (ELOOP): a symbolic link loop';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${e.code})`;
    case 'ENOTDIR':
      return 'a path component is not a directory (ENOTDIR)';
    case 'EISDIR':
      return 'a directory, not a file (EISDIR)';
    default:
      return e.code ? `${e.code}: ${e.message}` : String(err);
  }
}

/** Sizes for messages: 512 bytes, 3.2 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export class FileTooLargeError extends Error {
  override name = 'FileTooLargeError';
}

/**
 * Reads a regular file of at most `maxBytes`. The file is opened without
 * blocking (a FIFO swapped in after the walk cannot hang the read), checked
 * on the open descriptor, and read to the limit only, so a file that grows
 * meanwhile (or a /proc file that claims size 0) cannot exhaust memory.
 * `limitHint` says how to change the limit, for the message.
 */
export async function readRegularFile(path: string, maxBytes: number, limitHint = ''): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    throw fsError(path, err);
  }
  try {
    const s = await handle.stat();
    if (!s.isFile()) throw new ArticleReadError(path, `${kindOf(s)}, not a regular file`);
    const tooLarge = (size: string) =>
      new ArticleReadError(path, `too large: ${size}; one article may be at most ${formatBytes(maxBytes)}${limitHint ? ` (${limitHint})` : ''}`);
    if (s.size > maxBytes) throw tooLarge(formatBytes(s.size));
    // Read to the limit and one byte more: one byte past it tells a file
    // that grew after fstat from one that fits.
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(s.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw tooLarge(`more than ${formatBytes(maxBytes)}`);
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) return buffer.subarray(0, length);
      length += bytesRead;
    }
  } catch (err) {
    throw err instanceof ArticleReadError ? err : fsError(path, err);
  } finally {
    await handle.close().catch(() => {});
  }
}
