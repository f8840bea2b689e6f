// esbuild inlines only the imported field, so the bundle does not carry the whole manifest.
import { version } from '../../package.json';

export const ROUTEWISE_VERSION: string = version;
