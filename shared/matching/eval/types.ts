/** The ECB+ development-set schema (../../../../shared/eval/ecbplus/README.md), as the eval reads it. */
export interface EcbArticle {
  id: string;
  subtopic: 'ecb' | 'ecbplus';
  url: string | null;
  annotated: number[];
  sentences: [number, number][];
  text: string;
}

export interface EcbMention {
  article: string;
  sentence: number;
  start: number;
  end: number;
  text: string;
}

export interface EcbInstance {
  id: string;
  kind: 'event' | 'entity';
  tag: string;
  description: string;
  mentions: EcbMention[];
}

export interface EcbTopic {
  topic: string;
  subtopics: { ecb: string; ecbplus: string };
  articles: EcbArticle[];
  instances: EcbInstance[];
}

/** One ranked candidate span of another article; offsets into that article's text. */
export interface Ranked {
  articleId: string;
  start: number;
  end: number;
  score: number;
}

/**
 * A matcher under evaluation. `index` gets the library (all articles of a topic); the returned
 * search ranks spans of every OTHER article for a query sentence, best first, with no cut.
 */
export interface Matcher {
  name: string;
  /** Scores at or above this are shown to the editor (the calibrated cut). */
  cut: number;
  index(
    articles: { id: string; text: string }[],
  ): (queryArticle: string, query: string) => Ranked[];
}
