import { existsSync, statSync } from 'node:fs';
import { StartupError } from './config.ts';

export { StartupError, weakAdminToken } from './config.ts';

const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** What went wrong opening the database at `path`, in a sentence with its fix. */
export function databaseProblem(e: unknown, path: string): StartupError {
  const code = (e as { code?: string }).code ?? '';
  const other = 'choose another BUNSAN_DB';
  const says = (problem: string) => new StartupError(`the database ${path} ${problem}`);
  if (isFolder(path)) return says(`is a folder; give a file path in it, e.g. ${path}/bunsan.db`);
  const unwritable = code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN';
  if (unwritable && existsSync(path))
    return says(
      `cannot be written (the file or its folder is read-only): give the server write access, or ${other}`,
    );
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
    return says(`is not an SQLite database or is damaged: restore it from a backup, or ${other}`);
  if (unwritable || code === 'EACCES' || code === 'EROFS' || code === 'ENOTDIR')
    return says(`cannot be created there: check that its folder can be written, or ${other}`);
  return says(`cannot be used (${code || (e as Error).message}): ${other}`);
}

/** What went wrong listening on a port, in a sentence with its fix. */
export function listenProblem(e: unknown, port: number, host: string | undefined): StartupError {
  const code = (e as { code?: string }).code;
  const where = `${host ?? 'all interfaces'}:${port}`;
  if (code === 'EADDRINUSE')
    return new StartupError(`port ${port} is in use (${where}): stop what holds it, or set PORT`);
  if (code === 'EACCES')
    return new StartupError(`port ${port} needs privileges on this machine: set PORT above 1023`);
  if (code === 'EADDRNOTAVAIL')
    return new StartupError(`HOST ${host} is not an address of this machine: fix HOST`);
  return new StartupError(`cannot listen on ${where} (${code ?? (e as Error).message})`);
}
