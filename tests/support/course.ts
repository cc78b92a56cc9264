/**
 * The course as this copy configures it, for tests that must hold in any fork:
 * course.config.ts read with the same BASE/SITE environment overrides that
 * astro.config.mjs applies, and helpers that turn a site path into the link
 * the built pages carry (`/weeks/01/` → `/study/weeks/01/` under base `/study/`).
 */
import course from '../../course.config';
import { normaliseBase } from '../../src/lib/config';
import { withBase } from '../../src/lib/site/paths';
import { storageKey } from '../../src/lib/progress/constants';

/** course.config.ts with `base` and `site` as the build used them. */
export const configured = {
	...course,
	base: normaliseBase(process.env.BASE ?? course.base),
	site: process.env.SITE ?? course.site,
};

/** A site path as the built pages link to it: the base prepended. */
export function siteHref(path: string): string {
	return withBase(configured.base, path);
}

/** The absolute URL of a site path on the published site (the feed's and sitemap's links). */
export function publishedUrl(path: string): string {
	return new URL(siteHref(path).replace(/^\//, ''), `${configured.site.replace(/\/+$/, '')}/`).href;
}

/** The localStorage key the islands keep this copy's progress under. */
export const progressStorageKey = storageKey(configured.storageId, configured.base);
