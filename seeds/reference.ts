// The municipality's departments, report categories, districts and streets. Kept up to date on
// every start (also in production): rows are matched by their code and updated in place.
import type { Knex } from 'knex'
import { categories } from './data/categories'
import { departments } from './data/departments'
import { districts, streets } from './data/places'

export async function seedReferenceData(db: Knex): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('departments').insert(departments).onConflict('code').merge()
    const departmentIds = new Map<string, number>(
      (await trx('departments').select('id', 'code')).map((row: { id: number; code: string }) => [
        row.code,
        row.id,
      ]),
    )
    const categoryRows = categories.map(({ department, questions, ...category }) => {
      const departmentId = departmentIds.get(department)
      if (!departmentId) throw new Error(`category ${category.code}: unknown department ${department}`)
      return { ...category, department_id: departmentId, questions: JSON.stringify(questions ?? []) }
    })
    await trx('categories').insert(categoryRows).onConflict('code').merge()
    await trx('districts')
      .insert(districts.map((district, index) => ({ ...district, sort_order: index })))
      .onConflict('code')
      .merge()
    await trx('streets')
      .insert(streets.map(({ district, ...street }) => ({ ...street, district_code: district })))
      .onConflict(['name_el', 'district_code'])
      .merge()
  })
}
