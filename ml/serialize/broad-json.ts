/**
 * The broad view's part of a model file (format 3 on): its settings, body vocabulary, idf and
 * centroid weights. Most weights are zero (a term of one category rarely occurs in the others), so
 * only the non-zero ones are written, by their position in the feature-major weight array.
 */
import { TextVectorizer, type VectorizerParams } from '../features/vectorizer';
import type { BroadParams, BroadView } from '../models/broad-view';

/** The JSON of a broad view. */
export interface BroadDocument {
  params: BroadParams;
  scale: number;
  gateTokens: number;
  gatePower: number;
  vectorizer: VectorizerParams;
  vocabulary: string[];
  idf: number[] | null;
  /** Positions (term × classes + class) of the non-zero weights, ascending, and their values. */
  nonZero: number[];
  values: number[];
}

/** The document of a fitted broad view. */
export function broadToJSON(broad: BroadView): BroadDocument {
  const nonZero: number[] = [];
  const values: number[] = [];
  broad.weights.forEach((w, i) => {
    if (w === 0) return;
    nonZero.push(i);
    values.push(w);
  });
  const idf = broad.vectorizer.idf;
  return {
    params: broad.params,
    scale: broad.scale,
    gateTokens: broad.gateTokens,
    gatePower: broad.gatePower,
    vectorizer: broad.vectorizer.params,
    vocabulary: [...broad.vectorizer.vocabulary],
    idf: idf ? Array.from(idf) : null,
    nonZero,
    values,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** Restores a broad view for `nClasses` classes; throws a sentence starting "its broad view" when a part does not fit the others. */
export function broadFromJSON(json: unknown, nClasses: number): BroadView {
  if (!isObject(json) || !isObject(json.params) || !isObject(json.vectorizer)) throw new Error('its broad view has no settings');
  const { vocabulary, idf, nonZero, values, scale, gateTokens, gatePower } = json;
  if (!isPositive(gateTokens) || !isPositive(gatePower) || !(typeof scale === 'number' && Number.isFinite(scale)))
    throw new Error('its broad view has settings that are not positive numbers');
  if (!Array.isArray(vocabulary) || vocabulary.some((t) => typeof t !== 'string')) throw new Error('its broad view has no list of terms');
  if (idf !== null && (!Array.isArray(idf) || idf.length !== vocabulary.length || idf.some((v) => typeof v !== 'number')))
    throw new Error(`its broad view has ${Array.isArray(idf) ? idf.length : 'no'} idf values for ${vocabulary.length} terms`);
  if (!Array.isArray(nonZero) || !Array.isArray(values) || nonZero.length !== values.length) throw new Error('its broad view weights are missing');
  const weights = new Float64Array(vocabulary.length * nClasses);
  let previous = -1;
  for (let i = 0; i < nonZero.length; i++) {
    const at = nonZero[i];
    const w = values[i];
    if (!Number.isInteger(at) || (at as number) <= previous || (at as number) >= weights.length || typeof w !== 'number' || !Number.isFinite(w))
      throw new Error(`its broad view weights do not fit ${vocabulary.length} terms × ${nClasses} classes`);
    weights[at as number] = w;
    previous = at as number;
  }
  const vectorizer = new TextVectorizer(json.vectorizer as Partial<VectorizerParams>).setState(vocabulary as string[], (idf as number[] | null) ?? null);
  return {
    vectorizer,
    weights,
    scale,
    gateTokens: gateTokens as number,
    gatePower: gatePower as number,
    params: { ...(json.params as unknown as BroadParams) },
  };
}
