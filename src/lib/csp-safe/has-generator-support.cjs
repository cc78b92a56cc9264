'use strict';
// Stands in for @stdlib/assert-has-generator-support in the browser bundle (alias in
// astro.config.mjs): every browser the book supports has generators, and the original
// probes for them with `eval`, which the pages' Content-Security-Policy forbids.
module.exports = function hasGeneratorSupport() {
	return true;
};
