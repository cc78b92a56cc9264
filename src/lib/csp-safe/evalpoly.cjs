'use strict';
// Stands in for @stdlib/math-base-tools-evalpoly in the browser bundle (alias in
// astro.config.mjs): the same Horner evaluation, but `factory` returns a closure
// instead of compiling the polynomial with `new Function`, which the pages'
// Content-Security-Policy forbids.
var evalpoly = require('@stdlib/math-base-tools-evalpoly/lib/main.js');

evalpoly.factory = function factory(c) {
	return function polyval(x) {
		return evalpoly(c, x);
	};
};

module.exports = evalpoly;
