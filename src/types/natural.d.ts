// natural's package root loads storage back-ends and prints on import, so the project imports the
// few submodules it needs; these declarations give them types.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: {
    stem(token: string): string;
    tokenizeAndStem(text: string, keepStops?: boolean): string[];
  };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/classifiers/logistic_regression_classifier.js' {
  interface Classification {
    label: string;
    value: number;
  }
  export default class LogisticRegressionClassifier {
    constructor(stemmer?: unknown);
    addDocument(tokens: string[] | string, label: string): void;
    train(): void;
    getClassifications(observation: string[] | string): Classification[];
    static restore(model: unknown, stemmer?: unknown): LogisticRegressionClassifier;
  }
}
