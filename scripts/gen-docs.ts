// Writes the files generated from the rules' metadata (docs/rules.md, the rule ids in
// schemas/reportlintrc.schema.json and in package.json's `reportlint.rules` setting).
// Run with `npm run docs`; test/unit/docs.test.ts fails when one is stale.
import * as path from 'path';
import { GENERATED_FILES, writeGeneratedFiles } from './generated-files';

const root = path.resolve(__dirname, '..', '..');
const changed = writeGeneratedFiles(root);
for (const f of GENERATED_FILES) console.log(`${changed.includes(f.path) ? 'wrote' : 'up to date'} ${f.path}`);
