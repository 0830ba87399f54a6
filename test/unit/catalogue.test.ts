import { categories } from '../../seeds/data/categories'
import { withOptionValues } from '../../src/features/catalogue/service'
import { unknownPlaceholders } from '../../src/features/catalogue/schemas'
import { categoryQuestionListSchema } from '../../src/features/reports/filing-service'

describe('category questions', () => {
  it('are stored in the seed just as the administration pages store them', () => {
    for (const category of categories) {
      expect({
        code: category.code,
        ok: categoryQuestionListSchema.safeParse(category.questions ?? []).success,
      }).toEqual({
        code: category.code,
        ok: true,
      })
    }
  })

  it('refuses what the questions step could not ask', () => {
    const question = { key: 'colour', label_el: 'Χρώμα;', label_en: 'Colour?', type: 'text', required: false }
    expect(categoryQuestionListSchema.safeParse([question]).success).toBe(true)
    expect(categoryQuestionListSchema.safeParse([question, question]).success).toBe(false)
    expect(categoryQuestionListSchema.safeParse([{ ...question, type: 'select' }]).success).toBe(false)
    expect(categoryQuestionListSchema.safeParse([{ ...question, key: 'Χρώμα' }]).success).toBe(false)
    expect(
      categoryQuestionListSchema.safeParse([
        { ...question, options: [{ value: 'red', label_el: 'Κόκκινο', label_en: 'Red' }] },
      ]).success,
    ).toBe(false)
  })

  it('gives options values from their English labels and keeps the values of options still there', () => {
    const existing = withOptionValues(
      [
        {
          key: 'bin',
          label_el: 'Κάδος;',
          label_en: 'Bin?',
          type: 'select',
          required: true,
          options: [
            { label_el: 'Πράσινος', label_en: 'Green (general)' },
            { label_el: 'Μπλε', label_en: 'Blue' },
          ],
        },
      ],
      [],
    )
    expect(existing[0]!.options!.map((o) => o.value)).toEqual(['green_general', 'blue'])

    const edited = withOptionValues(
      [
        {
          key: 'bin',
          label_el: 'Κάδος;',
          label_en: 'Bin?',
          type: 'select',
          required: true,
          options: [
            { label_el: 'Μπλε', label_en: 'Blue (recycling)' },
            { label_el: 'Πράσινος', label_en: 'Green (general)' },
            { label_el: 'Καφέ', label_en: 'Green general' },
            { label_el: 'Κίτρινος', label_en: '42' },
          ],
        },
      ],
      existing,
    )
    expect(edited[0]!.options!.map((o) => o.value)).toEqual([
      'blue',
      'green_general',
      'green_general_2',
      'option_42',
    ])
  })
})

describe('response template placeholders', () => {
  it('names each placeholder the report page would not fill, once', () => {
    expect(unknownPlaceholders('{reference} {title} {category} {department} {date}')).toEqual([])
    expect(unknownPlaceholders('Γεια {name}, {name}! { reference } {} {date')).toEqual([
      '{name}',
      '{ reference }',
      '{}',
    ])
  })
})
