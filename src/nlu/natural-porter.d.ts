// natural's Porter stemmer module on its own (the stemmers index loads every language's stemmer,
// ~40 ms more at start-up). Its type is the one natural declares for all its stemmers.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  import type { Stemmer } from 'natural/lib/natural/stemmers/index.js';
  const PorterStemmer: Stemmer;
  export = PorterStemmer;
}
