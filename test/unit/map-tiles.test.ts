import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config'
import { tileSource } from '../../src/features/reports/public-routes'

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mytilene-tiles-'))

describe('map tiles', () => {
  it("default to OpenStreetMap's standard tiles and accept another server or a local path", () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).mapTileUrl).toBe(
      'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    )
    const own = 'https://{s}.tiles.mytilene.gr/osm/{z}/{x}/{y}.png'
    expect(loadConfig({ DATA_DIR: dataDir(), MAP_TILE_URL: own }).mapTileUrl).toBe(own)
    expect(loadConfig({ DATA_DIR: dataDir(), MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png' }).mapTileUrl).toBe(
      '/tiles/{z}/{x}/{y}.png',
    )
  })

  it('refuse a template without its placeholders or with another scheme, naming the variable', () => {
    for (const bad of [
      'https://tile.example.org/map.png',
      'javascript:alert(1)//{z}{x}{y}',
      'ftp://x/{z}/{x}/{y}',
    ]) {
      expect(() => loadConfig({ DATA_DIR: dataDir(), MAP_TILE_URL: bad })).toThrow(/MAP_TILE_URL/)
    }
  })

  it('are allowed by the content security policy as their origin, with subdomains as a wildcard', () => {
    expect(tileSource('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(
      'https://tile.openstreetmap.org',
    )
    expect(tileSource('https://{s}.tiles.mytilene.gr/{z}/{x}/{y}.png')).toBe('https://*.tiles.mytilene.gr')
    expect(tileSource('/tiles/{z}/{x}/{y}.png')).toBeNull()
  })
})
