/**
 * Site-wide values derived once from course.config.ts and the build environment,
 * for components: base-aware links and the progress storage key.
 */
import course from '../../../course.config';
import { storageKey } from '../progress/constants';
import { withBase } from './paths';

export { course };
export const base = import.meta.env.BASE_URL;
/** A site path with the base prepended. */
export const href = (path: string) => withBase(base, path);
export const progressKey = storageKey(course.storageId, base);
