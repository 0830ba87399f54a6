// The documents a citizen may send to prove an AFM, recognised by their content, never by the
// name or type their browser gave them.

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024

export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

const PDF = Buffer.from('%PDF-', 'latin1')
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const PNG_HEADER_CHUNK = Buffer.from('IHDR', 'latin1')
const JPEG = Buffer.from([0xff, 0xd8, 0xff])

function startsWith(content: Buffer, prefix: Buffer, at = 0): boolean {
  return content.length >= at + prefix.length && content.subarray(at, at + prefix.length).equals(prefix)
}

/** The type of a document from its first bytes, or null for anything else (HTML, text, archives…). */
export function detectDocumentType(content: Buffer): DocumentType | null {
  if (startsWith(content, PDF)) return 'application/pdf'
  // A PNG signature is followed by the image header chunk (length, then the letters IHDR).
  if (startsWith(content, PNG) && startsWith(content, PNG_HEADER_CHUNK, 12)) return 'image/png'
  if (startsWith(content, JPEG) && content.length > 4) return 'image/jpeg'
  return null
}

const EXTENSIONS: Record<DocumentType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
}

/** The file name staff download: made by us, so nothing a citizen typed reaches a header. */
export function documentFileName(claimId: number, type: DocumentType): string {
  return `afm-claim-${claimId}.${EXTENSIONS[type]}`
}

export function isImage(type: DocumentType): boolean {
  return type !== 'application/pdf'
}
