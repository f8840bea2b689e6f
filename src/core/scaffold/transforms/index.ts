export { ensureImport, type ImportResult, type ImportSpec, type ModuleResolver, type NamedImport } from './ensure-import';
export { ensureStatementAfter, ensureStatementBefore, type EnsureResult } from './ensure-statement';
export { ensureExpressErrorHandler, ensureExpressMiddleware, ensureExpressRouterMount } from './express-registration';
export { ensureFastifyRegister, type FastifyRegisterOptions } from './fastify-registration';
export { ensureDependency } from './ensure-dependency';
export {
  ensureCallRegistered,
  findEquivalentCall,
  type Placement,
  type RegistrationOptions,
  type RegistrationRequest,
  type RegistrationResult,
} from './registration';
export { classifyScope, classifyStatement, type ClassifiedStatement, type RegistrationClassifier, type RegistrationKind } from './registration-kinds';
export { resolveAppScope, type AppScope } from './app-scope';
export { formattingOf, withFileFormatting } from './file-style';
export { insertStatementText, type InsertOptions } from './statement-insertion';
