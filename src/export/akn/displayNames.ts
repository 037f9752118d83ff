import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SPEC_DIR } from '../../paths.js';
import { getOrganization, getPlace, getState, rootOrganization } from '../../reference/index.js';

/**
 * Names for the references section, from Concord's reference data (data/*.yaml, through
 * src/reference) in the document's language, falling back to English, then to the words
 * as written. Also tells whether an organisation id is a body of another organisation
 * (used to pick the FRBR author). Reads: reference data. Writes: nothing. Never throws:
 * missing or unreadable reference data only means plainer names.
 */
type Lang = 'en' | 'fr' | 'ru' | 'zh';

function pick(names: Partial<Record<string, string[]>> | undefined, lang: string): string | null {
  if (!names) return null;
  return names[lang]?.[0] ?? names.en?.[0] ?? null;
}

export function displayName(type: string, ref: string, lang: string, fallback: string): string {
  try {
    if (type === 'state') {
      const s = getState(ref);
      return s?.name[lang as Lang] ?? s?.name.en ?? fallback;
    }
    if (type === 'organization') return pick(getOrganization(ref)?.names, lang) ?? fallback;
    if (type === 'place') return pick(getPlace(ref)?.names, lang) ?? fallback;
  } catch {
    return fallback;
  }
  return fallback;
}

/** True when `ref` names a body (council, secretariat…) whose root organisation is `org`. */
export function isBodyOf(ref: string, org: string): boolean {
  try {
    return ref !== org && rootOrganization(ref) === org;
  } catch {
    return ref.startsWith(`${org}-`);
  }
}

let topicLabels: Map<string, string> | null = null;
/** The display label of a topic id (spec/topics.json), or the id itself. */
export function topicLabel(id: string): string {
  if (!topicLabels) {
    try {
      const spec = JSON.parse(readFileSync(join(SPEC_DIR, 'topics.json'), 'utf8')) as { topics?: Array<{ id: string; label?: string }> };
      topicLabels = new Map((spec.topics ?? []).map((t) => [t.id, t.label ?? t.id]));
    } catch {
      topicLabels = new Map();
    }
  }
  return topicLabels.get(id) ?? id;
}
