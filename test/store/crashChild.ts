/**
 * Child process of crashSafety.test.ts: imports every file of a folder into a SQLite store,
 * one transaction per document, until the parent kills it with SIGKILL.
 * Usage: node --import tsx test/store/crashChild.ts <db path> <folder>
 */
import { collectFiles, importFiles } from '../../src/store/importFiles.js';
import { openStore } from '../../src/store/index.js';

const [dbPath, folder] = process.argv.slice(2);
const store = await openStore(`sqlite:${dbPath}`);
const { files } = await collectFiles([folder!]);
process.stdout.write(`files ${files.length}\n`);
await importFiles(store, files, {}, (o, done) => process.stdout.write(`${done} ${o.status}\n`));
await store.close();
process.stdout.write('finished\n');
