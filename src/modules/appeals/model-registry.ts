import { readFileSync } from 'node:fs';
import type { Sql } from '../../core/index.js';
import type { ModelArtifact } from './model/artifact.js';
import { AppealClassifier } from './model/classifier.js';
import { shippedModelPath } from './model/pipeline.js';

/**
 * Model versions live in the database; the active one screens intake. On first start the model shipped with the
 * package is stored and activated. Later versions are activated only by an administrator.
 */
export class ModelRegistry {
  private cached: AppealClassifier | undefined;
  private checkedAt = 0;
  /** How long intake trusts the cached model before asking the database which version is active. */
  static readonly RECHECK_MS = 5000;

  constructor(private readonly shippedPath = shippedModelPath) {}

  async active(sql: Sql): Promise<AppealClassifier> {
    if (this.cached && Date.now() - this.checkedAt < ModelRegistry.RECHECK_MS) return this.cached;
    this.checkedAt = Date.now();
    const [row] = await sql.query<{ version: string }>('select version from appeal_models where active');
    if (row && this.cached?.version === row.version) return this.cached;
    if (!row) return this.installShipped(sql);
    const [stored] = await sql.query<{ artifact: string }>('select artifact from appeal_models where version = $1', [row.version]);
    this.cached = new AppealClassifier(JSON.parse(stored!.artifact) as ModelArtifact);
    return this.cached;
  }

  private async installShipped(sql: Sql): Promise<AppealClassifier> {
    const text = readFileSync(this.shippedPath, 'utf8');
    const artifact = JSON.parse(text) as ModelArtifact;
    await sql.query(
      `insert into appeal_models (version, artifact, card, active, activated_at) values ($1, $2, $3, true, now())
       on conflict (version) do update set active = true, activated_at = now()`,
      [artifact.version, text, JSON.stringify(artifact.card)],
    );
    this.cached = new AppealClassifier(artifact);
    return this.cached;
  }

  async store(sql: Sql, artifact: ModelArtifact): Promise<void> {
    await sql.query('insert into appeal_models (version, artifact, card) values ($1, $2, $3) on conflict (version) do nothing', [artifact.version, JSON.stringify(artifact), JSON.stringify(artifact.card)]);
  }

  async activate(sql: Sql, version: string, by: string | null): Promise<boolean> {
    const exists = await sql.query('select 1 from appeal_models where version = $1', [version]);
    if (exists.length === 0) return false;
    await sql.query('update appeal_models set active = false where active');
    await sql.query('update appeal_models set active = true, activated_at = now(), activated_by = $2 where version = $1', [version, by]);
    this.cached = undefined;
    this.checkedAt = 0;
    return true;
  }

  async list(sql: Sql) {
    return sql.query<{ version: string; card: Record<string, unknown>; created_at: Date; active: boolean; activated_at: Date | null }>(
      'select version, card, created_at, active, activated_at from appeal_models order by created_at desc',
    );
  }
}
