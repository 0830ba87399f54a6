// Residents' photos: checked by their content (never by file name or declared type), turned upright
// from the camera's orientation, stripped of every bit of metadata (phones record the GPS position
// and the device), made smaller and stored as JPEG.
import decodeHeic from 'heic-decode'
import sharp from 'sharp'

export const MAX_PHOTOS = 3
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024
export const MAX_PHOTO_PIXELS = 40_000_000
const MAX_EDGE = 1600

export type PhotoProblem = 'notImage' | 'tooLarge' | 'tooManyPixels' | 'tooMany' | 'missing'

export class PhotoError extends Error {
  constructor(readonly problem: PhotoProblem) {
    super(problem)
  }
}

export type StoredPhoto = { contentType: 'image/jpeg'; content: Buffer; width: number; height: number }

type Format = 'jpeg' | 'png' | 'webp' | 'heif'

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis'])

/** The format from the file's first bytes; anything else is not a photo we take. */
export function sniffFormat(bytes: Buffer): Format | null {
  if (bytes.length < 12) return null
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp'
  if (bytes.toString('latin1', 4, 8) === 'ftyp' && HEIF_BRANDS.has(bytes.toString('latin1', 8, 12)))
    return 'heif'
  return null
}

function checkPixels(width: number | undefined, height: number | undefined): void {
  if (!width || !height) throw new PhotoError('notImage')
  if (width * height > MAX_PHOTO_PIXELS) throw new PhotoError('tooManyPixels')
}

const SHARP_OPTIONS = { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' as const }

/**
 * An image sharp reads itself, or, for HEIC from phones (HEVC, which sharp's own libheif lacks),
 * the pixels decoded by heic-decode. Sizes are checked before any pixel is decoded.
 */
async function openImage(bytes: Buffer, format: Format): Promise<sharp.Sharp> {
  try {
    // Reading the header decodes no pixels: the size is known before the limit would refuse it.
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata()
    checkPixels(metadata.width, metadata.height)
    if (format !== 'heif' || (await sharpDecodes(bytes))) return sharp(bytes, SHARP_OPTIONS)
  } catch (err) {
    if (err instanceof PhotoError) throw err
    if (format !== 'heif') throw new PhotoError('notImage')
  }
  return openHeic(bytes)
}

async function sharpDecodes(bytes: Buffer): Promise<boolean> {
  try {
    await sharp(bytes, SHARP_OPTIONS).resize(8, 8).raw().toBuffer()
    return true
  } catch {
    return false
  }
}

async function openHeic(bytes: Buffer): Promise<sharp.Sharp> {
  let images: Awaited<ReturnType<typeof decodeHeic.all>>
  try {
    images = await decodeHeic.all({ buffer: bytes })
  } catch {
    throw new PhotoError('notImage')
  }
  try {
    const first = images[0]
    if (!first) throw new PhotoError('notImage')
    checkPixels(first.width, first.height)
    const { width, height, data } = await first.decode()
    return sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
      raw: { width, height, channels: 4 },
    })
  } catch (err) {
    if (err instanceof PhotoError) throw err
    throw new PhotoError('notImage')
  } finally {
    images.dispose()
  }
}

/** Checks a photo and makes the copy that is stored: upright, without metadata, at most 1600 px. */
export async function preparePhoto(bytes: Buffer): Promise<StoredPhoto> {
  if (bytes.length === 0) throw new PhotoError('missing')
  if (bytes.length > MAX_PHOTO_BYTES) throw new PhotoError('tooLarge')
  const format = sniffFormat(bytes)
  if (!format) throw new PhotoError('notImage')
  const image = await openImage(bytes, format)
  try {
    // rotate() applies the EXIF orientation; without withMetadata() sharp writes no EXIF, XMP,
    // IPTC or ICC data at all.
    const { data, info } = await image
      .rotate()
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true })
    return { contentType: 'image/jpeg', content: data, width: info.width, height: info.height }
  } catch {
    throw new PhotoError('notImage')
  }
}
