import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Analysis } from '../types.js';

/**
 * The stored form of a whole Analysis: its JSON, deflated (zlib, level 6). Analyses are
 * mostly repeated keys and paragraph text, so this stores them in about a tenth of the space,
 * for ~1 ms to read back; getAnalysis returns exactly what was imported.
 */
export function encodeAnalysis(json: string): Buffer {
  return deflateRawSync(Buffer.from(json, 'utf8'), { level: 6 });
}

export function decodeAnalysis(stored: Buffer | Uint8Array): Analysis {
  return JSON.parse(inflateRawSync(stored).toString('utf8')) as Analysis;
}
