/**
 * jsonc-parser, loaded when a config or ignore file is first parsed, not with the modules that
 * use it: initialising it (its formatter precomputes some 250 KB of indentation strings) was paid
 * by every CLI process, most of which read no config file.
 */
let jsoncModule: typeof import('jsonc-parser') | null = null;

export function jsonc(): typeof import('jsonc-parser') {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return (jsoncModule ??= require('jsonc-parser') as typeof import('jsonc-parser'));
}
