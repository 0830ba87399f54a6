import sharp from 'sharp'
import { MAX_PHOTO_BYTES, PhotoError, preparePhoto, sniffFormat } from '../../src/features/reports/photos'
import { HEIC, hugePhoto, phonePhoto } from '../helpers/photos'

async function problemOf(bytes: Buffer) {
  try {
    await preparePhoto(bytes)
  } catch (err) {
    if (err instanceof PhotoError) return err.problem
    throw err
  }
  return null
}

describe('photos', () => {
  it('turns a phone photo upright and strips its EXIF and GPS tags', async () => {
    const original = await phonePhoto()
    const before = await sharp(original).metadata()
    expect(before.orientation).toBe(6)
    expect(before.exif?.toString('latin1')).toContain('PhoneMaker')

    const stored = await preparePhoto(original)
    const after = await sharp(stored.content).metadata()
    expect(stored.contentType).toBe('image/jpeg')
    expect([after.width, after.height]).toEqual([200, 400])
    expect([stored.width, stored.height]).toEqual([200, 400])
    expect(after.orientation).toBeUndefined()
    expect(after.exif).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(after.icc).toBeUndefined()
    expect(stored.content.toString('latin1')).not.toContain('PhoneMaker')
  })

  it('takes a PNG and a WebP and makes JPEGs of them, at most 1600 pixels a side', async () => {
    const png = await sharp({ create: { width: 3200, height: 1000, channels: 4, background: '#00ff0080' } })
      .png()
      .toBuffer()
    const stored = await preparePhoto(png)
    expect(sniffFormat(stored.content)).toBe('jpeg')
    expect([stored.width, stored.height]).toEqual([1600, 500])
    const webp = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#fff' } })
      .webp()
      .toBuffer()
    expect((await preparePhoto(webp)).width).toBe(30)
  })

  it('takes a HEIF container (AVIF-coded here; HEVC-coded ones go through heic-decode)', async () => {
    const heif = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#c00' } })
      .heif({ compression: 'av1' })
      .toBuffer()
    heif.write('mif1', 8, 'latin1')
    expect(sniffFormat(heif)).toBe('heif')
    const stored = await preparePhoto(heif)
    expect([stored.width, stored.height]).toEqual([60, 40])
  })

  it('decodes a HEIC from a phone through heic-decode', async () => {
    expect(sniffFormat(HEIC)).toBe('heif')
    await expect(sharp(HEIC).raw().toBuffer()).rejects.toThrow()
    const stored = await preparePhoto(HEIC)
    expect([stored.width, stored.height]).toEqual([64, 48])
    const { data } = await sharp(stored.content).raw().toBuffer({ resolveWithObject: true })
    expect(data[1]).toBeGreaterThan(data[0]! + 80)
  })

  it('refuses a text file named like a photo, and broken images', async () => {
    expect(await problemOf(Buffer.from('Αυτό δεν είναι φωτογραφία, απλώς κείμενο.'))).toBe('notImage')
    const jpeg = await phonePhoto()
    expect(await problemOf(jpeg.subarray(0, 40))).toBe('notImage')
    const fakeHeic = Buffer.concat([Buffer.from('\0\0\0\x18ftypheic', 'latin1'), Buffer.alloc(64)])
    expect(await problemOf(fakeHeic)).toBe('notImage')
    expect(await problemOf(Buffer.alloc(0))).toBe('missing')
  })

  it('refuses too many bytes and too many pixels with different problems', async () => {
    expect(await problemOf(Buffer.alloc(MAX_PHOTO_BYTES + 1, 0xff))).toBe('tooLarge')
    const huge = await hugePhoto()
    expect(huge.length).toBeLessThan(MAX_PHOTO_BYTES)
    expect(await problemOf(huge)).toBe('tooManyPixels')
  })
})
