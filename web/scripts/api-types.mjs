// Writes src/api-types.ts, the web app's wire types, from the API's schema
// (docs/api.schema.json): one type per definition, closed sets as string-literal unions,
// and `Api`, each route's query, body, response and error.
//
// Usage: node scripts/api-types.mjs [--check]
//   --check  writes nothing; fails when src/api-types.ts is not what the schema gives.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { compile } from 'json-schema-to-typescript';

const web = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = path.join(web, '..', 'docs', 'api.schema.json');
const outPath = path.join(web, 'src', 'api-types.ts');

const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const banner = `// Generated from docs/api.schema.json by scripts/api-types.mjs (npm run types): do not
// edit. Change the schema, then run \`npm run types\`; \`npm run lint\` checks it is current.
/* eslint-disable */`;
const types = await compile(schema, 'Api', {
  bannerComment: banner,
  // Every definition, used by a route or not, so the closed sets can be named.
  unreachableDefinitions: true,
  additionalProperties: false,
  // The schema is one file: no $ref leaves it.
  $refOptions: { resolve: { external: false } },
  style: { singleQuote: true, printWidth: 100, trailingComma: 'all' },
});

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(outPath, 'utf8');
  } catch {
    // missing: reported below
  }
  if (current !== types) {
    console.error('src/api-types.ts is not what docs/api.schema.json gives: run `npm run types`.');
    process.exit(1);
  }
} else {
  writeFileSync(outPath, types);
}
