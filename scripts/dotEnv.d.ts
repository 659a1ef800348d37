/** See dotEnv.js: the variables in a .env file; a missing file gives none. */
export declare const readDotEnv: (file: string) => Record<string, string>;
