/**
 * Writes the OpenAPI description the server serves (openapi.json) and the web client's types
 * generated from it (web/src/api/schema.d.ts). With a directory argument both go there instead,
 * so a check can compare them with the committed files.
 *
 *   npm run generate:api            # regenerate the committed files
 *   npx tsx scripts/openapi.ts DIR  # DIR/openapi.json and DIR/schema.d.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';
import { API_PREFIX, buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createContext } from '../src/context.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BANNER =
  '/**\n * Generated from openapi.json by `npm run generate:api`. Do not edit: change the route\n' +
  ' * schemas in src/modules and regenerate.\n */\n\n';

/** The description as served, from an app on an empty in-memory database with default settings. */
async function servedDescription(): Promise<string> {
  // Only the database is given, so settings in the environment cannot change the description.
  const config = loadConfig({
    RAPPORT_DATABASE_URL: 'sqlite::memory:',
    RAPPORT_LOG_LEVEL: 'silent',
  });
  const ctx = await createContext(config);
  const app = await buildApp(ctx);
  try {
    const response = await app.inject({ method: 'GET', url: `${API_PREFIX}/openapi.json` });
    if (response.statusCode !== 200)
      throw new Error(`openapi.json answered ${response.statusCode}`);
    return response.body;
  } finally {
    await app.close();
    await ctx.close();
  }
}

async function format(text: string, filepath: string): Promise<string> {
  const options = await prettier.resolveConfig(filepath);
  return prettier.format(text, { ...options, filepath });
}

const outDir = process.argv[2];
const jsonPath = outDir ? join(outDir, 'openapi.json') : join(ROOT, 'openapi.json');
const typesPath = outDir ? join(outDir, 'schema.d.ts') : join(ROOT, 'web/src/api/schema.d.ts');
if (outDir) await mkdir(outDir, { recursive: true });

const description = await servedDescription();
const types = BANNER + astToString(await openapiTS(description));
// Formatted as the committed files are, so a check compares contents rather than layout.
await writeFile(jsonPath, await format(description, join(ROOT, 'openapi.json')));
await writeFile(typesPath, await format(types, join(ROOT, 'web/src/api/schema.d.ts')));
console.log(`wrote ${jsonPath} and ${typesPath}`);
