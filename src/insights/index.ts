export { analyzeTranscript, type AnalyzeOptions, type CallAnalysis } from './analyze.js';
export {
  cosineSimilarity,
  createEmbeddingProvider,
  HashedNgramEmbeddingProvider,
  hashedNgramVector,
  OpenAICompatibleEmbeddingProvider,
  type EmbeddingProvider,
  type EmbeddingProviderOptions,
  type HashedNgramOptions,
  type OpenAICompatibleOptions,
} from './embedding.js';
export { computeCallInsights, countQuestions, type CallInsights, type CallMetrics, type ScoredUtterance } from './metrics.js';
export { coachingNudges, type CoachingNudge, type NudgeCategory } from './nudges.js';
export { scoreSentiment, type SentimentOptions } from './sentiment.js';
export { detectTopics, mentionsTopic, TOPICS, type Topic } from './topics.js';
export { parseTranscript, type ParsedUtterance, type Speaker } from './transcript.js';
export { countWords, words } from './words.js';
