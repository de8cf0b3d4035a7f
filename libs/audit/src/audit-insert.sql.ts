/**
 * The set-based form of AuditService.record(), for bulk writers (imports) that audit hundreds of
 * thousands of rows in one statement. Kept here so only this library knows audit_entry's columns.
 * `action`, `entityId` and `changes` are SQL expressions over the rows of `fromClause`; the actor
 * is bound to parameters $1 (id), $2 (role) and $3 (request id).
 */
export function auditInsertSql(options: {
  action: string;
  entity: string;
  entityId: string;
  changes: string;
  fromClause: string;
}): string {
  return `INSERT INTO audit_entry (actor_id, actor_role, action, entity, entity_id, changes, request_id)
          SELECT $1::uuid, $2::text, ${options.action}, '${options.entity}', ${options.entityId}::text,
                 ${options.changes}, $3::text
          ${options.fromClause}`;
}
