// natural's package root loads storage back-ends and prints on import, so the project imports the
// few submodules it needs; these declarations give them types.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: {
    stem(token: string): string;
    tokenizeAndStem(text: string, keepStops?: boolean): string[];
  };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  interface Classification {
    label: string;
    value: number;
  }
  export default class BayesClassifier {
    constructor(stemmer?: unknown, smoothing?: number);
    addDocument(tokens: string[] | string, label: string): void;
    train(): void;
    getClassifications(observation: string[] | string): Classification[];
    classify(observation: string[] | string): string;
  }
}

declare module 'natural/lib/natural/tokenizers/aggressive_tokenizer.js' {
  export default class AggressiveTokenizer {
    tokenize(text: string): string[];
  }
}
