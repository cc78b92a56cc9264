import { runStarlight } from './scripts/bench/starlight';
await runStarlight('dist');
