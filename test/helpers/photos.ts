// Real image files for the photo tests, made with sharp in the test (and one HEIC made beforehand).
import sharp from 'sharp'

/**
 * A 64×48 green HEIC (HEVC-coded, brand "heic", as iPhones write them), made with libheif's
 * heif-enc. sharp's own libheif cannot read HEVC, so this goes through heic-decode.
 */
export const HEIC = Buffer.from(
  'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAa1tZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAACAAAAEGlkYXQAAAAAAEAAMAAAADhpbG9jAQAAAERAAAIAAQAAAAAAAAHRAAEAAAAAAAAAGAACAAEAAAAAAAAAAQAAAAAAAAAIAAAAOGlpbmYAAAAAAAIAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAADYaXBycAAAALZpcGNvAAAAdmh2Y0MBA3AAAAAAAAAAAAAe8AD8/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACpCAQEDcAAAAwCQAAADAAADAB6gIIEFlurkprm4EBAwIAAAAwAgAAADACEiAAEABkQBwXPAiQAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlzcGUAAAAAAAAAQAAAADAAAAAQcGl4aQAAAAADCAgIAAAAGmlwbWEAAAAAAAAAAgABAoECAAICA4QAAAAaaXJlZgAAAAAAAAAOZGltZwACAAEAAQAAACBtZGF0AAAAFCgBrxmA70mlv/41n2rv9frWmPm4',
  'base64',
)

/** A phone photo: 400×200 pixels as stored, to be shown turned (orientation 6), with GPS tags. */
export async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 200, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Pocket 12' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '39/1 6/1 20/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '26/1 33/1 0/1',
      },
    })
    .toBuffer()
}

export async function pngPhoto(width = 120, height = 80): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: '#00aa0080' } })
    .png()
    .toBuffer()
}

/** 8000×6000 = 48 megapixels of one colour: a small file, but too many pixels. */
export async function hugePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#000' } })
    .png({ compressionLevel: 9 })
    .toBuffer()
}
