export { appealsModule } from './module.js';
export { AppealClassifier, type Screening } from './model/classifier.js';
export { extractEntities, type Entity, type EntityKind } from './text/entities.js';
export { loadShippedModel } from './model/pipeline.js';
