// Writes docs/rules.md from the rules' metadata. Run with `npm run docs`.
import * as fs from 'fs';
import * as path from 'path';
import { renderRulesMarkdown } from '../server/src/core/docs';

const target = path.resolve(__dirname, '..', '..', 'docs', 'rules.md');
fs.writeFileSync(target, renderRulesMarkdown());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
