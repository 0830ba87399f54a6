// The map on which a report's spot is pinned, on the residents' location step and on the counter
// form: what the page needs to draw it. Its tiles are let in by `allowMapTiles`.
import type { Config } from '../../config'
import { municipalityBounds } from './location'
import { LEAFLET_PREFIX } from './public-routes'

export function pinMapSettings(config: Pick<Config, 'mapTileUrl'>) {
  return {
    tileUrl: config.mapTileUrl,
    bounds: JSON.stringify(municipalityBounds()),
    leafletCss: `${LEAFLET_PREFIX}/leaflet.css`,
    leafletJs: `${LEAFLET_PREFIX}/leaflet.js`,
  }
}
