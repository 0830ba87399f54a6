import fs from 'node:fs'
import path from 'node:path'

type Messages = { [key: string]: string | Messages }
const dir = path.resolve(__dirname, '../../locales')

function keys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

function allKeys(lang: string): string[] {
  const files = [path.join(dir, `${lang}.json`)]
  const folder = path.join(dir, lang)
  if (fs.existsSync(folder)) files.push(...fs.readdirSync(folder).map((name) => path.join(folder, name)))
  return files.flatMap((file) => keys(JSON.parse(fs.readFileSync(file, 'utf8')) as Messages)).sort()
}

describe('locale files', () => {
  it('have the same keys in Greek and in English', () => {
    expect(allKeys('en')).toEqual(allKeys('el'))
  })

  it('define no key twice across feature files', () => {
    const el = allKeys('el')
    expect(el.filter((key, index) => el.indexOf(key) !== index)).toEqual([])
  })
})
