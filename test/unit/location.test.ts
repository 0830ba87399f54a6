import { insideMunicipality, insidePolygon } from '../../src/features/reports/location'
import { streets } from '../../seeds/data/places'

describe('the municipality boundary', () => {
  it.each([
    ['Mytilene town', 39.105, 26.555],
    ['Thermi', 39.17, 26.5],
    ['Mantamados', 39.31, 26.34],
    ['Agiasos', 39.08, 26.38],
    // Plomari is one of the Municipality of Mytilene's seven municipal units since 2019.
    ['Plomari', 38.98, 26.37],
    ['Moria', 39.13, 26.51],
  ])('has %s inside', (_name, lat, lng) => {
    expect(insideMunicipality({ lat, lng })).toBe(true)
  })

  it.each([
    ['Kalloni (West Lesvos)', 39.21, 26.21],
    ['Eresos (West Lesvos)', 39.17, 25.93],
    ['Polichnitos (West Lesvos)', 39.08, 26.18],
    ['Athens', 37.98, 23.73],
    ['the sea off Turkey', 39.1, 26.75],
    ['Ayvalık', 39.32, 26.69],
  ])('has %s outside', (_name, lat, lng) => {
    expect(insideMunicipality({ lat, lng })).toBe(false)
  })

  it('refuses positions that are not numbers', () => {
    expect(insideMunicipality({ lat: Number.NaN, lng: 26.5 })).toBe(false)
    expect(insideMunicipality({ lat: 39.1, lng: Number.POSITIVE_INFINITY })).toBe(false)
  })

  it('has every seeded street of the municipality inside', () => {
    const outside = streets.filter((street) => !insideMunicipality(street))
    expect(outside).toEqual([])
  })

  it('works on a simple square', () => {
    const square = [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
    ] as const
    expect(insidePolygon({ lat: 0.5, lng: 0.5 }, square)).toBe(true)
    expect(insidePolygon({ lat: 1.5, lng: 0.5 }, square)).toBe(false)
  })
})
