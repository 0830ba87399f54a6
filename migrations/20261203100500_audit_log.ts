import type { Knex } from 'knex'

// Every staff action, append-only: a trigger refuses UPDATE and DELETE on its rows.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id')
    t.bigInteger('actor_id').references('users.id').onDelete('SET NULL')
    t.text('action').notNullable()
    t.text('entity_type').notNullable()
    t.text('entity_id')
    t.jsonb('before')
    t.jsonb('after')
    t.text('ip')
    t.text('request_id')
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw('CREATE INDEX audit_log_created ON audit_log (created_at DESC, id DESC)')
  await knex.raw('CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id)')
  await knex.raw(`
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END $$`)
  await knex.raw(`
    CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_log')
  await knex.raw('DROP FUNCTION IF EXISTS audit_log_append_only()')
}
