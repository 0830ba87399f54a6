import { detectDocumentType, documentFileName } from '../../src/features/afm/documents'
import { htmlPage, pdfDocument, pngImage } from '../helpers/documents'

describe('recognising a document by its content', () => {
  it('recognises a PDF and a PNG built byte by byte', () => {
    expect(detectDocumentType(pdfDocument())).toBe('application/pdf')
    expect(detectDocumentType(pngImage())).toBe('image/png')
  })

  it('recognises a JPEG by its start-of-image and JFIF markers', () => {
    const jfif = Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex')
    expect(detectDocumentType(jfif)).toBe('image/jpeg')
  })

  it.each([
    ['a web page', htmlPage()],
    ['a web page with a PDF header further down', Buffer.from('<html>%PDF-1.4</html>')],
    ['an SVG image', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['a GIF image', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
    ['a ZIP archive', Buffer.from('504b0304140000000800', 'hex')],
    ['a PNG signature without an image header', pngImage().subarray(0, 8)],
    ['white space before a PDF header', Buffer.concat([Buffer.from(' '), pdfDocument()])],
    ['an empty file', Buffer.alloc(0)],
  ])('refuses %s', (_name, content) => {
    expect(detectDocumentType(content)).toBeNull()
  })

  it('names downloads itself, so nothing a citizen typed reaches a header', () => {
    expect(documentFileName(12, 'application/pdf')).toBe('afm-claim-12.pdf')
    expect(documentFileName(7, 'image/jpeg')).toBe('afm-claim-7.jpg')
  })
})
