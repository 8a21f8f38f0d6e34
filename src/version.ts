/** The library version, written into every decision receipt. Kept equal to package.json by a test. */
export const VERSION = '0.1.0';
