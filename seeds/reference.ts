// The municipality's departments, report categories, districts and streets, on every start (also
// in production). Departments and categories are added when their code is missing and otherwise
// left as the administrators keep them on the catalogue pages; districts and streets are matched
// by their code and updated in place.
import type { Knex } from 'knex'
import { categories } from './data/categories'
import { departments } from './data/departments'
import { districts, streets } from './data/places'

/** Inserts the rows whose code the table lacks; rows already there are not touched. */
async function insertMissing(trx: Knex, table: string, rows: { code: string }[]): Promise<void> {
  // Looked up first, so that a start with nothing to add does not use up numbers of the id sequence.
  const known = new Set<string>(await trx(table).pluck('code'))
  const missing = rows.filter((row) => !known.has(row.code))
  if (missing.length) await trx(table).insert(missing).onConflict('code').ignore()
}

export async function seedReferenceData(db: Knex): Promise<void> {
  await db.transaction(async (trx) => {
    await insertMissing(trx, 'departments', departments)
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
    await insertMissing(trx, 'categories', categoryRows)
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
