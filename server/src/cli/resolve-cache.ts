/**
 * Per-folder caches for one CLI run.
 *
 * The configuration of a report depends only on its folder (config files are looked up from the
 * folder upwards), and the nearest `.reportlint-ignore.json` sidecar too; only the sidecar's
 * entries are filtered per report. A CLI run checks a snapshot of the files, so each folder is
 * resolved once instead of once per file (a thousand reports in one folder used to mean a
 * thousand walks up the tree, stat calls and JSON parses, in the main thread and again in every
 * worker). The results are exactly those of `loadConfigFor` and `loadIgnoresFor`.
 */
import path = require('path');
import type { ConfigError, ResolvedConfig } from '../core/config/config';
import type { IgnoreEntry } from '../core/config/suppress';
import { findIgnoreFile, loadConfigFor, readSidecar, relativeReportPath, type Sidecar } from '../node/config-files';

export class ResolveCache {
  private readonly configs = new Map<string, ResolvedConfig>();
  /** Folder → nearest sidecar (null: none). */
  private readonly sidecars = new Map<string, string | null>();
  /** Sidecar → its entries and problems. */
  private readonly sidecarEntries = new Map<string, Sidecar>();

  /** `loadConfigFor(filePath)`, computed once per folder. */
  config(filePath: string): ResolvedConfig {
    const dir = path.resolve(path.dirname(filePath));
    let config = this.configs.get(dir);
    if (!config) {
      config = loadConfigFor(filePath);
      this.configs.set(dir, config);
    }
    return config;
  }

  /** `loadIgnoresFor(reportPath)`, with the sidecar found and parsed once. */
  ignores(reportPath: string): IgnoreEntry[] {
    const dir = path.dirname(path.resolve(reportPath));
    let file = this.sidecars.get(dir);
    if (file === undefined) {
      file = findIgnoreFile(reportPath);
      this.sidecars.set(dir, file);
    }
    if (!file) return [];
    const rel = relativeReportPath(path.dirname(file), reportPath);
    return this.sidecar(file).entries.filter((e) => e.file === rel);
  }

  /** The problems of the sidecar that applies to a report (malformed, unreadable), or none. */
  ignoreErrors(reportPath: string): ConfigError[] {
    this.ignores(reportPath);
    const file = this.sidecars.get(path.dirname(path.resolve(reportPath)));
    return file ? this.sidecar(file).errors : [];
  }

  private sidecar(file: string): Sidecar {
    let sidecar = this.sidecarEntries.get(file);
    if (!sidecar) {
      sidecar = readSidecar(file);
      this.sidecarEntries.set(file, sidecar);
    }
    return sidecar;
  }
}
