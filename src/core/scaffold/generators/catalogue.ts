import { authGenerator } from './auth';
import { configGenerator } from './config';
import { errorHandlerGenerator } from './error-handler';
import { healthGenerator } from './health';
import { middlewareGenerator } from './middleware';
import { projectGenerator } from './project';
import { resourceGenerator } from './resource';
import { routeGenerator } from './route';
import { routerGenerator } from './router';
import { testsGenerator } from './tests';
import { validationGenerator } from './validation';
import type { Generator } from './types';

/**
 * Every generator, in palette order; each lives in its own folder under generators/.
 * Add a generator by importing it here.
 */
export const GENERATORS: readonly Generator[] = [
  projectGenerator,
  resourceGenerator,
  routerGenerator,
  routeGenerator,
  validationGenerator,
  authGenerator,
  errorHandlerGenerator,
  middlewareGenerator,
  healthGenerator,
  configGenerator,
  testsGenerator,
];
