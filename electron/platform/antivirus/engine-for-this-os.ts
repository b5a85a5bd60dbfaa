/**
 * The anti-virus engine the sanitization pipeline uses on this computer: Microsoft Defender
 * on Windows (present on every Windows 10/11 and kept up to date by Windows itself), ClamAV
 * elsewhere. No automatic second choice: when the chosen engine is missing or off, its
 * `info()` is null and the pipeline fails closed, which tells the engineer what to fix
 * instead of silently scanning with something else.
 */
import type { AntivirusEngine } from '../../core/sanitize/sanitize-types';
import { createClamavEngine, type ClamavEngineOptions } from './clamav-engine';
import { createDefenderEngine, type DefenderEngineOptions } from './defender-engine';

/**
 * Both engines' options in one object (their names do not overlap, except `timeoutMs`, which
 * each engine applies to its own unit: a ClamAV batch, a Defender file), so a caller such as
 * the CLI's `--clamav-db` passes what it has without caring which engine runs.
 */
export type AntivirusEngineOptions = ClamavEngineOptions & DefenderEngineOptions;

export function createAntivirusEngine(platform: NodeJS.Platform = process.platform, options: AntivirusEngineOptions = {}): AntivirusEngine {
  return platform === 'win32' ? createDefenderEngine(options) : createClamavEngine(options);
}
