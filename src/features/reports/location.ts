// Where a report is: inside the municipality or not, decided on the server whatever the map said.
import { MUNICIPALITY_BOUNDARY } from '../../../seeds/data/boundary'

export type Position = { lat: number; lng: number }
type Outline = readonly (readonly [number, number])[]

/** Ray casting: a point is inside when a ray from it crosses the outline an odd number of times. */
export function insidePolygon(point: Position, outline: Outline): boolean {
  let inside = false
  for (let i = 0, j = outline.length - 1; i < outline.length; j = i++) {
    const [latI, lngI] = outline[i]!
    const [latJ, lngJ] = outline[j]!
    const crosses =
      latI > point.lat !== latJ > point.lat &&
      point.lng < ((lngJ - lngI) * (point.lat - latI)) / (latJ - latI) + lngI
    if (crosses) inside = !inside
  }
  return inside
}

export function insideMunicipality(point: Position): boolean {
  return (
    Number.isFinite(point.lat) && Number.isFinite(point.lng) && insidePolygon(point, MUNICIPALITY_BOUNDARY)
  )
}

/** The outline's bounding box, for the map to start on and to keep the pin near. */
export function municipalityBounds(): [[number, number], [number, number]] {
  const lats = MUNICIPALITY_BOUNDARY.map(([lat]) => lat)
  const lngs = MUNICIPALITY_BOUNDARY.map(([, lng]) => lng)
  return [
    [Math.min(...lats), Math.min(...lngs)],
    [Math.max(...lats), Math.max(...lngs)],
  ]
}
