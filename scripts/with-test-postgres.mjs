// Runs a command with TEST_DATABASE_URL pointing at the local PostgreSQL server (default 127.0.0.1:5432, user postgres),
// so every test file gets its own fresh database there. JIT is turned off for the session by the client (see README).
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const [command, ...args] = process.argv.slice(2);
const result = spawnSync('npx', [command, ...args], { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: url } });
process.exit(result.status ?? 1);
