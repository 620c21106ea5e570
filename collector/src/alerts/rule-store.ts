import { conditionSchema, type Condition } from './conditions';
import type { Database, Queryable } from '../db/database';

export interface Rule {
  id: string;
  name: string;
  enabled: boolean;
  conditions: Condition[];
  channelIds: string[];
}

export type RuleInput = Omit<Rule, 'id'>;

const conditionList = conditionSchema.array();

export async function listRules(db: Queryable): Promise<Rule[]> {
  const { rows } = await db.query<{ id: string; name: string; enabled: boolean; conditions: unknown; channel_ids: string[] }>(
    `SELECT r.id, r.name, r.enabled, r.conditions,
            COALESCE(array_agg(rc.channel_id::text ORDER BY rc.channel_id) FILTER (WHERE rc.channel_id IS NOT NULL), '{}') AS channel_ids
       FROM alert_rules r LEFT JOIN alert_rule_channels rc ON rc.rule_id = r.id
      GROUP BY r.id ORDER BY r.created_at, r.id`,
  );
  return rows.map((row) => {
    const conditions = conditionList.safeParse(row.conditions);
    return { id: row.id, name: row.name, enabled: row.enabled, conditions: conditions.success ? conditions.data : [], channelIds: row.channel_ids };
  });
}

async function setChannels(tx: Queryable, ruleId: string, channelIds: readonly string[]) {
  await tx.query('DELETE FROM alert_rule_channels WHERE rule_id = $1', [ruleId]);
  for (const channelId of new Set(channelIds)) {
    await tx.query('INSERT INTO alert_rule_channels (rule_id, channel_id) VALUES ($1, $2)', [ruleId, channelId]);
  }
}

export async function createRule(db: Database, input: RuleInput): Promise<string> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>('INSERT INTO alert_rules (name, enabled, conditions) VALUES ($1, $2, $3) RETURNING id', [
      input.name,
      input.enabled,
      JSON.stringify(input.conditions),
    ]);
    await setChannels(tx, rows[0].id, input.channelIds);
    return rows[0].id;
  });
}

export async function updateRule(db: Database, id: string, input: RuleInput): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query(
      'UPDATE alert_rules SET name = $2, enabled = $3, conditions = $4, updated_at = now() WHERE id = $1 RETURNING id',
      [id, input.name, input.enabled, JSON.stringify(input.conditions)],
    );
    if (!rows.length) return false;
    await setChannels(tx, id, input.channelIds);
    return true;
  });
}

export async function deleteRule(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('DELETE FROM alert_rules WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0;
}
