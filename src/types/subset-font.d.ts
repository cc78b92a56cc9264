// subset-font 2.x's own options (its README); the published @types stop at 2.3.
declare module 'subset-font' {
	interface SubsetFontOptions {
		targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
		noHinting?: boolean;
		noLayoutClosure?: boolean;
		keepFeatures?: string[];
		dropTables?: string[];
		preserveNameIds?: number[];
	}
	export default function subsetFont(font: Buffer | Uint8Array, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}
