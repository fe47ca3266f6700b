import { ConfigError } from './configError.js';

/** What start-up needs to name the setting at fault. */
export interface StartupSettings {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
}

function field(error: unknown, name: 'code' | 'syscall'): string | undefined {
  if (typeof error !== 'object' || error === null || !(name in error)) return undefined;
  const value: unknown = Reflect.get(error, name);
  return typeof value === 'string' ? value : undefined;
}

/**
 * The one line printed when start-up fails: the setting at fault and what to do, never a stack
 * trace and never an error's own message (it may quote a connection string or a key).
 */
export function describeStartupError(error: unknown, settings: StartupSettings): string {
  if (error instanceof ConfigError) return error.message;
  const code = field(error, 'code');
  const syscall = field(error, 'syscall');
  switch (code) {
    case 'EADDRINUSE':
      return `Start-up error: PORT ${settings.port} is already in use on ${settings.host}; stop the other program or set another PORT`;
    case 'EADDRNOTAVAIL':
      return `Start-up error: HOST ${settings.host} is not an address of this machine; use 127.0.0.1, 0.0.0.0 or one of its own addresses`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Start-up error: HOST ${settings.host} could not be resolved to an address of this machine`;
    case 'EACCES':
    case 'EPERM':
      return syscall === 'listen'
        ? `Start-up error: PORT ${settings.port} needs privileges this process does not have; use a port above 1023`
        : `Start-up error: DATA_DIR ${settings.dataDir} cannot be written by this process`;
    case 'EEXIST':
    case 'ENOTDIR':
      return `Start-up error: DATA_DIR ${settings.dataDir} is not a folder`;
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return `Start-up error: the database in DATA_DIR ${settings.dataDir} is corrupt or not a SQLite database; restore it from a backup or move it away`;
    default:
      if (code?.startsWith('SQLITE_') === true) return `Start-up error: the database in DATA_DIR ${settings.dataDir} could not be opened (${code})`;
      return `Start-up error: ${error instanceof Error ? error.name : 'unknown failure'}${code === undefined ? '' : ` (${code})`}`;
  }
}
