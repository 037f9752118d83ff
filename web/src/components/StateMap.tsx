import { useMemo } from 'react';
import { feature } from 'topojson-client';
import { geoEqualEarth, geoPath } from 'd3-geo';
import countries from 'i18n-iso-countries';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import world from 'world-atlas/countries-110m.json';
import { stateName } from '../lib/labels.js';

/**
 * A world map of the states involved, drawn from geometry bundled into the app (world-atlas,
 * 1:110m): nothing is fetched from the internet. world-atlas ids are ISO 3166 numeric codes,
 * so alpha-2 codes are converted with i18n-iso-countries.
 */
export function StateMap({ mentioned, members }: { mentioned: string[]; members: string[] }) {
  const shapes = useMemo(() => {
    const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const fc = feature(topo, topo.objects.countries) as unknown as FeatureCollection<Geometry, { name: string }>;
    const projection = geoEqualEarth().fitSize([960, 470], fc);
    const path = geoPath(projection);
    return fc.features.map((f) => ({ id: String(f.id ?? ''), name: f.properties?.name ?? '', d: path(f) ?? '' }));
  }, []);
  const numeric = (codes: string[]) => new Set(codes.map((c) => countries.alpha2ToNumeric(c)).filter((x): x is string => !!x));
  const named = numeric(mentioned);
  const member = numeric(members);
  return (
    <svg className="map" viewBox="0 0 960 470" role="img" aria-label={`Map: ${mentioned.map(stateName).join(', ') || 'no state named'}`}>
      {shapes.map((s, i) => (
        <path key={`${s.id}-${i}`} d={s.d} className={named.has(s.id) ? 'named' : member.has(s.id) ? 'member' : 'other'}>
          <title>{s.name}</title>
        </path>
      ))}
    </svg>
  );
}
