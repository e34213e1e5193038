import type { Sql } from '../../../core/index.js';
import type { ModelArtifact } from '../model/artifact.js';
import type { ModelCard, ModelVersion } from './models.contract.js';

export async function activeModelVersion(sql: Sql): Promise<string | null> {
  const [row] = await sql.query<{ version: string }>('select version from appeal_models where active');
  return row?.version ?? null;
}

/** The stored artifact's JSON text, undefined for an unknown version. */
export async function modelArtifactText(sql: Sql, version: string): Promise<string | undefined> {
  const [row] = await sql.query<{ artifact: string }>(
    'select artifact from appeal_models where version = $1',
    [version],
  );
  return row?.artifact;
}

/** Stores the artifact (its JSON text as read) and makes it the only active version, whether it was stored before or not. */
export async function installActiveModel(sql: Sql, artifact: ModelArtifact, text: string): Promise<void> {
  await sql.query('update appeal_models set active = false where active and version <> $1', [
    artifact.version,
  ]);
  await sql.query(
    `insert into appeal_models (version, artifact, card, active, activated_at) values ($1, $2, $3, true, now())
     on conflict (version) do update set active = true, activated_at = now()`,
    [artifact.version, text, JSON.stringify(artifact.card)],
  );
}

/** Stores a candidate version, inactive; a version already stored is left as it is. */
export async function storeModel(sql: Sql, artifact: ModelArtifact): Promise<void> {
  await sql.query(
    'insert into appeal_models (version, artifact, card) values ($1, $2, $3) on conflict (version) do nothing',
    [artifact.version, JSON.stringify(artifact), JSON.stringify(artifact.card)],
  );
}

/** Makes a stored version the only active one; false when no such version is stored. */
export async function activateModelVersion(sql: Sql, version: string, by: string | null): Promise<boolean> {
  const exists = await sql.query('select 1 from appeal_models where version = $1', [version]);
  if (exists.length === 0) return false;
  await sql.query('update appeal_models set active = false where active');
  await sql.query(
    'update appeal_models set active = true, activated_at = now(), activated_by = $2 where version = $1',
    [version, by],
  );
  return true;
}

interface ModelRow {
  version: string;
  card: ModelCard;
  created_at: Date;
  active: boolean;
  activated_at: Date | null;
}

/** Every stored version with its model card, newest first. */
export async function listModelVersions(sql: Sql): Promise<ModelVersion[]> {
  const rows = await sql.query<ModelRow>(
    'select version, card, created_at, active, activated_at from appeal_models order by created_at desc',
  );
  return rows.map((row) => ({
    version: row.version,
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
    activatedAt: row.activated_at ? new Date(row.activated_at).toISOString() : null,
    card: row.card,
  }));
}
