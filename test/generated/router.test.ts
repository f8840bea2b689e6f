/**
 * Real-compile test of the `router` generator: its golden cases' after/ trees, with their
 * dependencies really installed, pass their own `tsc --noEmit`, and their generated tests pass
 * where the case's runner runs TypeScript as configured (see generator-goldens.ts).
 *
 * Part of `npm run test:generated` (ROUTEWISE_GENERATED=1; skipped otherwise).
 */
import { describeGoldenCompile } from './generator-goldens';

describeGoldenCompile('router: golden after/ trees compile with their real dependencies', ['router']);
