import packageJson from '../../package.json' with { type: 'json' };

/** The app version, from package.json (bundled at build time). */
export const appVersion: string = packageJson.version;
