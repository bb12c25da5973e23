/** Copies every data file under `root`/src the code reads rather than imports to the same path under `root`/dist; returns their paths. */
export function copyDataFiles(root: string): string[];
