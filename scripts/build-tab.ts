/** npm run build:tab: bundles the personal tab into build/tab (served at /tab). */
import { buildTab, TAB_OUT_DIR } from './lib/buildTab.js';

await buildTab();
process.stdout.write(`Built the tab into ${TAB_OUT_DIR}\n`);
