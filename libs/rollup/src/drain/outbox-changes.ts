import type { EntityManager } from 'typeorm';

/** An outbox row as the drain reads it. */
export interface OutboxRow {
  id: string;
  aggregateId: string;
  eventYear: number | null;
  payload: Record<string, unknown>;
}

/** What a batch of outbox rows changed, in roll-up terms. */
export interface OutboxChanges {
  /** People and households whose facts and PPKS memberships must be recomputed. */
  recipients: string[];
  /** Indicators whose definition changed: all their years are recomputed. */
  indicators: string[];
  /** Years of the service events named in the batch. */
  eventYears: number[];
}

/** Payload members that name a recipient, whichever lib wrote the row. */
const RECIPIENT_KEYS = [
  'beneficiaryId',
  'householdId',
  'previousBeneficiaryId',
  'previousHouseholdId',
];

/**
 * Works out what the outbox rows touch without trusting any one payload shape: an aggregate id
 * is looked up among service events, people, households, disasters (all their victims) and
 * indicators; payload members named like `beneficiaryId` add recipients (this is how a deleted
 * or moved record is still found). Rows that name nothing the roll-up knows change nothing.
 */
export async function resolveOutboxChanges(
  m: EntityManager,
  rows: OutboxRow[],
): Promise<OutboxChanges> {
  const json = JSON.stringify(
    rows.map((r) => ({ aggregate_id: r.aggregateId, event_year: r.eventYear, payload: r.payload })),
  );
  const [resolved]: {
    recipients: string[] | null;
    indicators: string[] | null;
    event_years: number[] | null;
  }[] = await m.query(
    `WITH o AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS o(aggregate_id uuid, event_year smallint, payload jsonb)
     ),
     named AS (
       SELECT CASE WHEN o.payload ->> k ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
                   THEN (o.payload ->> k)::uuid END AS id
       FROM o CROSS JOIN unnest($2::text[]) AS k
     ),
     -- Every lookup is by key (= ANY of an array): a join to a small set of ids estimated
     -- badly hashed whole tables of the registry for each batch.
     disaster_ids AS (
       SELECT d.id FROM disaster d WHERE d.id = ANY (ARRAY(SELECT aggregate_id FROM o))
     ),
     recipient AS (
       SELECT coalesce(e.beneficiary_id, e.household_id) AS id
       FROM service_event e WHERE e.id = ANY (ARRAY(SELECT aggregate_id FROM o))
       UNION SELECT id FROM named
       UNION SELECT b.id FROM beneficiary b WHERE b.id = ANY (ARRAY(SELECT aggregate_id FROM o))
       UNION SELECT h.id FROM household h WHERE h.id = ANY (ARRAY(SELECT aggregate_id FROM o))
       UNION SELECT coalesce(v.beneficiary_id, v.household_id)
             FROM disaster_victim v WHERE v.disaster_id = ANY (ARRAY(SELECT id FROM disaster_ids))
       UNION SELECT coalesce(c.beneficiary_id, c.household_id)
             FROM ppks_classification c
             WHERE c.disaster_id = ANY (ARRAY(SELECT id FROM disaster_ids))
     )
     SELECT
       (SELECT array_agg(id) FROM recipient WHERE id IS NOT NULL) AS recipients,
       (SELECT array_agg(DISTINCT i.id) FROM o
          JOIN indicator i ON i.id = o.aggregate_id
            OR i.id::text = o.payload ->> 'indicatorId') AS indicators,
       (SELECT array_agg(DISTINCT y) FROM (
          SELECT o.event_year AS y FROM o WHERE o.event_year IS NOT NULL
          UNION SELECT extract(year FROM e.event_date)::smallint
                FROM service_event e WHERE e.id = ANY (ARRAY(SELECT aggregate_id FROM o))) AS ys) AS event_years`,
    [json, RECIPIENT_KEYS],
  );
  return {
    recipients: resolved.recipients ?? [],
    indicators: resolved.indicators ?? [],
    eventYears: (resolved.event_years ?? []).map(Number),
  };
}

/**
 * Everyone whose contribution to the figures a change to `recipients` can move: the recipients,
 * the households of the people among them (now, and as their service facts still record it), and
 * the members of the households among them (now, and as the facts record it). Read before the facts
 * are recomputed, so a person leaving a household still names the household they left.
 */
export async function relatedKeys(m: EntityManager, recipients: string[]): Promise<string[]> {
  if (recipients.length === 0) return [];
  const rows: { id: string }[] = await m.query(
    `SELECT DISTINCT id FROM (
       SELECT unnest($1::uuid[]) AS id
       UNION SELECT b.household_id FROM beneficiary b WHERE b.id = ANY ($1)
       UNION SELECT f.household_id FROM rollup_service_fact f WHERE f.recipient_id = ANY ($1)
       UNION SELECT b.id FROM beneficiary b WHERE b.household_id = ANY ($1)
       UNION SELECT f.recipient_id FROM rollup_service_fact f WHERE f.household_id = ANY ($1)
     ) AS related WHERE id IS NOT NULL`,
    [recipients],
  );
  return rows.map((r) => r.id);
}
