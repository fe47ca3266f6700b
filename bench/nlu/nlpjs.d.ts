// Minimal types for the parts of nlp.js (v4, devDependency, no bundled types) the NLU benchmark uses.
declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
    get(name: string): unknown;
  }
  export function containerBootstrap(): Promise<Container>;
}

declare module '@nlpjs/nlp' {
  export interface NlpClassification {
    readonly intent: string;
    readonly score: number;
  }
  export interface NlpResult {
    readonly intent: string;
    readonly score: number;
    readonly classifications?: readonly NlpClassification[];
  }
  export class Nlp {
    settings: { autoSave: boolean; autoLoad: boolean; threshold: number; calculateSentiment: boolean };
    nluManager: { settings: { log?: boolean } };
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<NlpResult>;
  }
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}
