/** Display names and colours shared by every view. */
export const ENTITY_TYPES = ['state', 'organization', 'place', 'date', 'instrument', 'event', 'initiative', 'person'] as const;
export const ACTION_CATEGORIES = ['decide', 'adopt', 'commit', 'support', 'call', 'welcome', 'note', 'affirm', 'stress', 'consider', 'oppose'] as const;

export const ENTITY_COLORS: Record<string, string> = {
  state: '#cfe3ff',
  organization: '#ffe1b3',
  place: '#d8f5d0',
  date: '#f3d6f5',
  instrument: '#ffd6d6',
  event: '#fff3a8',
  initiative: '#c9f2ee',
  person: '#e3e3e3',
};

export const ACTION_COLORS: Record<string, string> = {
  decide: '#7a0019',
  adopt: '#9c1c1c',
  commit: '#c2410c',
  support: '#1d4ed8',
  call: '#6d28d9',
  welcome: '#047857',
  note: '#4b5563',
  affirm: '#0e7490',
  stress: '#a16207',
  consider: '#64748b',
  oppose: '#000000',
};

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return null;
  }
})();

/** "KZ" → "Kazakhstan" (the code itself when unknown). */
export function stateName(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' });
  } catch {
    return null;
  }
})();

export function languageName(code: string): string {
  try {
    return (code && code !== 'und' && languageNames?.of(code)) || code;
  } catch {
    return code;
  }
}

export function orgLabel(org: string | null): string {
  return org ? org.toUpperCase() : '—';
}
