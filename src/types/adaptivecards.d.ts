// In Node the package's ESM build does not load, so code imports its UMD bundle, which has no
// typings of its own: give it the package's.
declare module 'adaptivecards/dist/adaptivecards.js' {
  import * as AC from 'adaptivecards';
  export default AC;
}
