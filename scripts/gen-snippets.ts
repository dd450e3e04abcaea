// Writes snippets/report.json from the built-in profiles. Run with `npm run snippets`.
import * as fs from 'fs';
import * as path from 'path';
import { builtinProfiles } from '../server/src/core/profiles/registry';
import { renderSnippetsJson } from '../server/src/core/features/snippets';

const target = path.resolve(__dirname, '..', '..', 'snippets', 'report.json');
fs.writeFileSync(target, renderSnippetsJson(builtinProfiles()));
console.log(`wrote ${path.relative(process.cwd(), target)}`);
