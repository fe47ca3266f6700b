export { openDatabase, databasePath, DATABASE_FILE_NAME } from './database.js';
export type { OpenDatabaseOptions, SqliteDatabase } from './database.js';
export { SqliteStorage } from './sqliteStorage.js';
export type { SqliteStorageOptions } from './sqliteStorage.js';
export { WalCheckpointer } from './walCheckpointer.js';
