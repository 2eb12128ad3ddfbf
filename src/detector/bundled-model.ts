/**
 * The model that ships with the extension (src/detector/model.json, written by `npm run train`),
 * decoded once on first use.
 */
import modelJson from './model.json';
import { loadModel, type Model, type ModelFile } from './model';

let cached: Model | undefined;

/** The shipped model, ready to classify. */
export function bundledModel(): Model {
  cached ??= loadModel(modelJson as unknown as ModelFile);
  return cached;
}
