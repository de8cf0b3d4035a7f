import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users with roles and wilayah, and rotating refresh tokens grouped in families. */
export class Auth1764000000200 implements MigrationInterface {
  name = 'Auth1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username       text NOT NULL,
        password_hash  text NOT NULL,
        name           text NOT NULL,
        role           text NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'TKSK', 'PSM', 'PIMPINAN')),
        wilayah_kode   text REFERENCES wilayah (kode),
        active         boolean NOT NULL DEFAULT true,
        version        integer NOT NULL DEFAULT 1,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CHECK (role NOT IN ('TKSK', 'PSM') OR wilayah_kode IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_username_key ON app_user (lower(username))`);

    await q.query(`
      CREATE TABLE refresh_token (
        id           uuid PRIMARY KEY,
        user_id      uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        family_id    uuid NOT NULL,
        token_hash   text NOT NULL UNIQUE,
        expires_at   timestamptz NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        used_at      timestamptz,
        revoked_at   timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
    await q.query(`CREATE INDEX refresh_token_user_idx ON refresh_token (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`DROP TABLE app_user`);
  }
}
