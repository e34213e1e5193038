import { readFileSync } from 'node:fs';
import type { Sql } from '../../../core/index.js';
import { ARTIFACT_FORMAT, type ModelArtifact } from '../model/artifact.js';
import { AppealClassifier } from '../model/classifier.js';
import { shippedModelPath } from '../model/pipeline.js';
import type { ModelVersion } from './models.contract.js';
import {
  activateModelVersion,
  activeModelVersion,
  installActiveModel,
  listModelVersions,
  modelArtifactText,
  storeModel,
} from './models.repository.js';

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
    const version = await activeModelVersion(sql);
    if (version !== null && this.cached?.version === version) return this.cached;
    if (version === null) return this.installShipped(sql);
    const stored = await modelArtifactText(sql, version);
    if (stored === undefined) throw new Error(`the active model ${version} has no stored artifact`);
    const artifact = JSON.parse(stored) as ModelArtifact;
    // After an upgrade that changed the features, the active model cannot score: the shipped one takes over (its
    // card says how it was trained and evaluated), and the old version stays stored, inactive, for the record.
    if (artifact.format !== ARTIFACT_FORMAT) return this.installShipped(sql);
    this.cached = new AppealClassifier(artifact);
    return this.cached;
  }

  /** Whether a stored version can screen with this code (false also when it is not stored). */
  async usable(sql: Sql, version: string): Promise<boolean> {
    const stored = await modelArtifactText(sql, version);
    return stored !== undefined && (JSON.parse(stored) as ModelArtifact).format === ARTIFACT_FORMAT;
  }

  private async installShipped(sql: Sql): Promise<AppealClassifier> {
    const text = readFileSync(this.shippedPath, 'utf8');
    const artifact = JSON.parse(text) as ModelArtifact;
    await installActiveModel(sql, artifact, text);
    this.cached = new AppealClassifier(artifact);
    return this.cached;
  }

  async store(sql: Sql, artifact: ModelArtifact): Promise<void> {
    await storeModel(sql, artifact);
  }

  async activate(sql: Sql, version: string, by: string | null): Promise<boolean> {
    if (!(await activateModelVersion(sql, version, by))) return false;
    this.cached = undefined;
    this.checkedAt = 0;
    return true;
  }

  async list(sql: Sql): Promise<ModelVersion[]> {
    return listModelVersions(sql);
  }
}
