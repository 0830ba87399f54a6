// Numbered pages for lists: links keep the other query parameters of the page.
export type Pagination = {
  page: number
  pages: number
  total: number
  previous: string | null
  next: string | null
  items: { number: number; href: string | null; current: boolean }[]
}

function hrefFor(basePath: string, query: Record<string, unknown>, page: number): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (key !== 'page' && typeof value === 'string' && value !== '') params.set(key, value)
  }
  if (page > 1) params.set('page', String(page))
  const search = params.toString()
  return search ? `${basePath}?${search}` : basePath
}

export function paginate(
  basePath: string,
  query: Record<string, unknown>,
  page: number,
  pageSize: number,
  total: number,
): Pagination {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const window = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages))
  const numbers = [...window].sort((a, b) => a - b)
  const items: Pagination['items'] = []
  numbers.forEach((number, index) => {
    const previous = numbers[index - 1]
    if (previous !== undefined && number - previous > 1) items.push({ number: 0, href: null, current: false })
    items.push({ number, href: hrefFor(basePath, query, number), current: number === page })
  })
  return {
    page,
    pages,
    total,
    previous: page > 1 ? hrefFor(basePath, query, page - 1) : null,
    next: page < pages ? hrefFor(basePath, query, page + 1) : null,
    items,
  }
}
