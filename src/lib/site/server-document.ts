/** An empty DOM document on the server (linkedom), for Observable Plot to draw static SVG into. */
import { parseHTML } from 'linkedom';

export function serverDocument(): Document {
	return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}
