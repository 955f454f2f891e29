/** Turns texts into vectors of a fixed length. */
export interface EmbeddingProvider {
  /** Names the model; vectors from different ids are not comparable. */
  readonly modelId: string;
  readonly dimensions: number;
  /** One vector per text, in input order. */
  embed(texts: string[]): Promise<Float32Array[] | number[][]>;
}
