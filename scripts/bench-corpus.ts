// Generates the benchmark corpus: several Express / Fastify services (TS and JS, ESM and CJS) laid
// out like real backends — app setup, routers or plugins, controllers, services, middleware, models,
// utilities, config — with a realistic share of the problems the rules look for. Deterministic for a
// seed, so runs on different machines lint the same code.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CorpusSummary {
  root: string;
  /** Absolute paths of the generated source files. */
  files: string[];
  lines: number;
  /** Absolute directory of each generated package. */
  packages: string[];
}

/** mulberry32: tiny, fast, and good enough to vary code shapes. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

interface Flavour {
  dir: string;
  framework: 'express' | 'fastify';
  version: string;
  typescript: boolean;
  esm: boolean;
  /** Source extension; `.mjs` marks ESM inside a CommonJS package. */
  ext: '.ts' | '.js' | '.mjs';
}

const FLAVOURS: readonly Flavour[] = [
  { dir: 'services/orders-api', framework: 'express', version: '4.21.2', typescript: true, esm: false, ext: '.ts' },
  { dir: 'services/accounts-api', framework: 'express', version: '5.1.0', typescript: true, esm: true, ext: '.ts' },
  { dir: 'services/legacy-gateway', framework: 'express', version: '4.19.2', typescript: false, esm: false, ext: '.js' },
  { dir: 'services/catalog', framework: 'fastify', version: '4.28.1', typescript: true, esm: true, ext: '.ts' },
  { dir: 'services/billing', framework: 'fastify', version: '5.4.0', typescript: false, esm: true, ext: '.js' },
  { dir: 'services/notifications', framework: 'express', version: '4.21.2', typescript: false, esm: false, ext: '.mjs' },
];

interface Resource {
  singular: string;
  plural: string;
  fields: readonly (readonly [name: string, type: 'string' | 'number' | 'boolean'])[];
}

const RESOURCES: readonly Resource[] = [
  { singular: 'order', plural: 'orders', fields: [['customerId', 'string'], ['total', 'number'], ['status', 'string'], ['notes', 'string']] },
  { singular: 'user', plural: 'users', fields: [['email', 'string'], ['name', 'string'], ['role', 'string'], ['active', 'boolean']] },
  { singular: 'product', plural: 'products', fields: [['sku', 'string'], ['title', 'string'], ['price', 'number'], ['stock', 'number']] },
  { singular: 'invoice', plural: 'invoices', fields: [['orderId', 'string'], ['amount', 'number'], ['currency', 'string'], ['paid', 'boolean']] },
  { singular: 'payment', plural: 'payments', fields: [['invoiceId', 'string'], ['amount', 'number'], ['method', 'string']] },
  { singular: 'review', plural: 'reviews', fields: [['productId', 'string'], ['rating', 'number'], ['body', 'string']] },
  { singular: 'shipment', plural: 'shipments', fields: [['orderId', 'string'], ['carrier', 'string'], ['tracking', 'string'], ['weight', 'number']] },
  { singular: 'coupon', plural: 'coupons', fields: [['code', 'string'], ['percent', 'number'], ['expiresAt', 'string']] },
  { singular: 'cart', plural: 'carts', fields: [['userId', 'string'], ['items', 'number'], ['locked', 'boolean']] },
  { singular: 'webhook', plural: 'webhooks', fields: [['url', 'string'], ['event', 'string'], ['enabled', 'boolean']] },
  { singular: 'team', plural: 'teams', fields: [['name', 'string'], ['ownerId', 'string'], ['seats', 'number']] },
  { singular: 'ticket', plural: 'tickets', fields: [['subject', 'string'], ['priority', 'number'], ['assignee', 'string']] },
];

/** Big services split a resource by audience or concern: `orders-admin.ts`, `orders-export.ts`. */
const VARIANTS = ['', '-admin', '-public', '-internal', '-export', '-search', '-reports', '-batch'];

const KINDS = ['routes', 'controllers', 'services', 'middleware', 'models', 'utils'] as const;
type Kind = (typeof KINDS)[number];

/** Writes the corpus under `root` (created if needed) and returns what it wrote. */
export function generateCorpus(root: string, options: { files: number; seed: number }): CorpusSummary {
  const random = new Random(options.seed);
  const summary: CorpusSummary = { root, files: [], lines: 0, packages: [] };
  const write = (file: string, content: string): void => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };

  const perPackage = Math.ceil(options.files / FLAVOURS.length);
  for (const flavour of FLAVOURS) {
    const dir = path.join(root, flavour.dir);
    summary.packages.push(dir);
    for (const [name, content] of Object.entries(packageFiles(flavour))) write(path.join(dir, name), content);
    const sources = new Map<string, string>();
    sources.set(`src/app${flavour.ext}`, new FileWriter(random, flavour, random.pick(RESOURCES)).app(RESOURCES));
    sources.set(`src/config${flavour.ext}`, new FileWriter(random, flavour, random.pick(RESOURCES)).config());
    for (let index = 0; sources.size < perPackage && summary.files.length + sources.size < options.files; index++) {
      const resource = RESOURCES[index % RESOURCES.length];
      const kind = KINDS[Math.floor(index / RESOURCES.length) % KINDS.length];
      const variant = VARIANTS[Math.floor(index / (RESOURCES.length * KINDS.length)) % VARIANTS.length];
      const target = targetLines(random);
      sources.set(`src/${kind}/${resource.plural}${variant}${flavour.ext}`, new FileWriter(random, flavour, resource).file(kind, target));
    }
    for (const [relative, content] of sources) {
      const file = path.join(dir, relative);
      write(file, content);
      summary.files.push(file);
      summary.lines += content.split('\n').length;
    }
  }
  return summary;
}

/** A router of about `lines` lines, like the big legacy route file every old service has. */
export function generateLargeRouter(seed: number, lines: number): string {
  const flavour = FLAVOURS[0];
  const writer = new FileWriter(new Random(seed), flavour, RESOURCES[0]);
  // Routes are under 15 lines each, so stopping 25 short and padding with comments hits the count exactly.
  const text = writer.file('routes', lines - 25).split('\n');
  while (text.length < lines) text.splice(text.length - 2, 0, `// TODO(route-${text.length}): move to its own router`);
  return text.join('\n');
}

export function largeRouterPackage(): Flavour {
  return FLAVOURS[0];
}

/** 50–400 lines, most files small, as in real services. */
function targetLines(random: Random): number {
  return 56 + Math.floor(340 * random.next() ** 1.8);
}

function packageFiles(flavour: Flavour): Record<string, string> {
  const dependencies: Record<string, string> = { [flavour.framework]: `^${flavour.version}`, zod: '^3.23.8', jsonwebtoken: '^9.0.2', pg: '^8.12.0' };
  if (flavour.framework === 'express') Object.assign(dependencies, { cors: '^2.8.5', helmet: '^7.1.0' });
  else Object.assign(dependencies, { '@fastify/cors': '^9.0.1' });
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify({ name: path.basename(flavour.dir), version: '1.0.0', private: true, ...(flavour.esm ? { type: 'module' } : {}), dependencies }, null, 2)}\n`,
    [`node_modules/${flavour.framework}/package.json`]: JSON.stringify({ name: flavour.framework, version: flavour.version }),
  };
  if (flavour.typescript) files['tsconfig.json'] = '{ "compilerOptions": { "strict": true, "outDir": "dist" } }\n';
  return files;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Emits one file in a flavour's language and module style. */
class FileWriter {
  private readonly lines: string[] = [];
  private readonly Name: string;
  private readonly local: string;

  constructor(
    private readonly random: Random,
    private readonly flavour: Flavour,
    private readonly resource: Resource,
  ) {
    this.Name = capitalise(resource.singular);
    this.local = flavour.typescript || flavour.esm || flavour.ext === '.mjs' ? `.${flavour.ext === '.ts' ? 'js' : flavour.ext.slice(1)}` : '';
  }

  file(kind: Kind, target: number): string {
    switch (kind) {
      case 'routes':
        return this.flavour.framework === 'express' ? this.expressRouter(target) : this.fastifyPlugin(target);
      case 'controllers':
        return this.controller(target);
      case 'services':
        return this.service(target);
      case 'middleware':
        return this.middleware(target);
      case 'models':
        return this.models(target);
      case 'utils':
        return this.utils(target);
    }
  }

  // ---- module syntax ------------------------------------------------------------------------

  private get ts(): boolean {
    return this.flavour.typescript;
  }

  private type(annotation: string): string {
    return this.ts ? annotation : '';
  }

  private import(names: string, from: string, isDefault = false): void {
    const specifier = from.startsWith('.') ? `${from}${this.local}` : from;
    if (this.ts || this.flavour.esm || this.flavour.ext === '.mjs') {
      this.lines.push(isDefault ? `import ${names} from '${specifier}';` : `import { ${names} } from '${specifier}';`);
    } else {
      this.lines.push(isDefault ? `const ${names} = require('${specifier}');` : `const { ${names} } = require('${specifier}');`);
    }
  }

  private get esmSyntax(): boolean {
    return this.ts || this.flavour.esm || this.flavour.ext === '.mjs';
  }

  private exportNames(names: string[]): void {
    this.lines.push('', this.esmSyntax ? `export { ${names.join(', ')} };` : `module.exports = { ${names.join(', ')} };`);
  }

  private done(): string {
    return `${this.lines.join('\n')}\n`;
  }

  private fill(target: number, unit: (index: number) => void): void {
    for (let index = 0; this.lines.length < target - 3 || index === 0; index++) unit(index);
  }

  // ---- Express ------------------------------------------------------------------------------

  private expressRouter(target: number): string {
    const { plural, singular } = this.resource;
    this.lines.push(`// HTTP routes for ${plural}.`);
    this.import('Router', 'express');
    if (this.ts) this.lines.push(`import type { Request, Response, NextFunction } from 'express';`);
    this.import('z', 'zod');
    this.import('jwt', 'jsonwebtoken', true);
    this.import(`${singular}Service`, `../services/${plural}`);
    this.import('requireAuth', '../middleware/users');
    this.lines.push('', `const router = Router();`, '');
    this.lines.push(...this.zodSchema(`create${this.Name}Schema`), '');
    this.fill(target, () => this.lines.push(...this.expressRoute(), ''));
    this.lines.push(this.esmSyntax ? 'export default router;' : 'module.exports = router;');
    return this.done();
  }

  private expressRoute(): string[] {
    const { plural, singular } = this.resource;
    const method = this.random.pick(['get', 'get', 'post', 'put', 'patch', 'delete']);
    const auth = this.random.chance(0.6) ? 'requireAuth, ' : '';
    const path = this.random.pick(method === 'get' ? ['/', '/:id', '/search', '/export', '/:id/history'] : method === 'post' ? ['/', '/login', '/:id/items', '/import', '/:id/archive'] : ['/:id', '/:id/status', '/:id/items/:itemId']);
    const params = `req${this.type(': Request')}, res${this.type(': Response')}, next${this.type(': NextFunction')}`;
    const header = `router.${method}('${path}', ${auth}async (${params}) => {`;
    const body = this.random.pick([
      () => [
        `  const input = create${this.Name}Schema.parse(req.body);`,
        `  const created = await ${singular}Service.create(input);`,
        `  res.status(201).json(created);`,
      ],
      () => [
        `  const { ${this.resource.fields.map(([name]) => name).join(', ')} } = req.body;`,
        `  const saved = await ${singular}Service.update(req.params.id, { ${this.resource.fields.map(([name]) => name).join(', ')} });`,
        `  res.json(saved);`,
      ],
      () => [
        `  const limit = Number(req.query.limit) || 20;`,
        `  const offset = Number(req.query.offset) || 0;`,
        `  const items = await ${singular}Service.list({ limit, offset });`,
        `  res.json({ items, limit, offset });`,
      ],
      () => [
        `  const item = await ${singular}Service.findById(req.params.id);`,
        `  if (!item) {`,
        this.random.chance(0.3) ? `    return res.status(200).json({ error: '${this.Name} not found' });` : `    return res.status(404).json({ error: '${this.Name} not found' });`,
        `  }`,
        `  res.json(item);`,
      ],
      () => [
        `  try {`,
        `    const result = await ${singular}Service.remove(req.params.id);`,
        this.random.chance(0.4) ? `    res.status(204).json({ removed: result });` : `    res.status(204).end();`,
        `  } catch (err) {`,
        this.random.chance(0.4) ? `    res.status(500).json({ error: err${this.type(' as Error')}.message, stack: (err${this.type(' as Error')}).stack });` : `    next(err);`,
        `  }`,
      ],
      () => [
        `  const token = jwt.sign({ sub: req.params.id, scope: '${plural}' }, ${this.random.chance(0.5) ? `'k3y-${this.random.int(100000, 999999)}-s3cr3t-${plural}'` : 'process.env.JWT_SECRET ?? ""'});`,
        `  res.json({ token });`,
      ],
      () => [
        `  const rows = await ${singular}Service.raw(\`SELECT * FROM ${plural} WHERE id = '\${req.params.id}' AND deleted_at IS NULL\`);`,
        `  if (rows.length === 0) return res.sendStatus(404);`,
        `  res.json(rows[0]);`,
      ],
      () => [
        `  const total = await ${singular}Service.count();`,
        this.random.chance(0.5) ? `  res.send(total);` : `  res.json({ total });`,
      ],
    ])();
    return [header, ...body, '});'];
  }

  private middleware(target: number): string {
    this.lines.push(`// Request middleware shared by the ${this.resource.plural} routes.`);
    this.import('jwt', 'jsonwebtoken', true);
    if (this.ts) this.lines.push(`import type { Request, Response, NextFunction } from 'express';`);
    const params = `req${this.type(': Request')}, res${this.type(': Response')}, next${this.type(': NextFunction')}`;
    const names: string[] = [];
    this.fill(target, (index) => {
      const kind = index === 0 ? 'auth' : this.random.pick(['auth', 'log', 'error', 'limit', 'role', 'cors']);
      const name = `${kind}${this.Name}${index}`;
      names.push(index === 0 ? 'requireAuth' : name);
      if (kind === 'auth') {
        this.lines.push(
          '',
          `function ${index === 0 ? 'requireAuth' : name}(${params}) {`,
          `  const header = req.headers.authorization ?? '';`,
          `  const token = header.startsWith('Bearer ') ? header.slice(7) : undefined;`,
          `  if (!token) {`,
          `    res.status(401).json({ error: 'Missing token' });`,
          `    return;`,
          `  }`,
          `  try {`,
          `    const payload = jwt.verify(token, ${this.random.chance(0.3) ? `'sup3r-s3cret-${this.random.int(1000, 9999)}'` : 'process.env.JWT_SECRET as string'});`,
          this.ts ? `    (req as Request & { user?: unknown }).user = payload;` : `    req.user = payload;`,
          `    next();`,
          `  } catch {`,
          `    res.status(401).json({ error: 'Invalid token' });`,
          `  }`,
          `}`,
        );
      } else if (kind === 'error') {
        const arity = this.random.chance(0.8);
        this.lines.push(
          '',
          `function ${name}(err${this.type(': Error')}, ${arity ? `req${this.type(': Request')}, ` : ''}res${this.type(': Response')}, next${this.type(': NextFunction')}) {`,
          `  console.error(err);`,
          `  res.status(500).json({ error: ${this.random.chance(0.5) ? 'err.message' : "'Internal Server Error'"} });`,
          `}`,
        );
      } else if (kind === 'limit') {
        this.lines.push(
          '',
          `const hits${index} = new Map${this.type('<string, number[]>')}();`,
          `function ${name}(${params}) {`,
          `  const key = req.ip ?? 'unknown';`,
          `  const now = Date.now();`,
          `  const recent = (hits${index}.get(key) ?? []).filter((time) => now - time < 60_000);`,
          `  recent.push(now);`,
          `  hits${index}.set(key, recent);`,
          `  if (recent.length > ${this.random.int(20, 200)}) {`,
          `    res.status(429).json({ error: 'Too many requests' });`,
          `    return;`,
          `  }`,
          `  next();`,
          `}`,
        );
      } else if (kind === 'cors') {
        this.lines.push(
          '',
          `function ${name}(${params}) {`,
          `  res.setHeader('Access-Control-Allow-Origin', ${this.random.chance(0.5) ? "'*'" : 'req.headers.origin ?? ""'});`,
          `  res.setHeader('Access-Control-Allow-Credentials', 'true');`,
          `  if (req.method === 'OPTIONS') return res.sendStatus(204);`,
          `  next();`,
          `}`,
        );
      } else {
        this.lines.push(
          '',
          `function ${name}(${params}) {`,
          `  const started = process.hrtime.bigint();`,
          `  res.on('finish', () => {`,
          `    const ms = Number(process.hrtime.bigint() - started) / 1e6;`,
          `    console.log(\`\${req.method} \${req.originalUrl} \${res.statusCode} \${ms.toFixed(1)}ms\`);`,
          `  });`,
          `  next();`,
          `}`,
        );
      }
    });
    this.exportNames(names);
    return this.done();
  }

  // ---- Fastify ------------------------------------------------------------------------------

  private fastifyPlugin(target: number): string {
    const { plural, singular } = this.resource;
    this.lines.push(`// Fastify plugin: the ${plural} routes.`);
    if (this.ts) this.lines.push(`import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';`);
    this.import(`${singular}Service`, `../services/${plural}`);
    this.lines.push('', `const ${singular}Schema = {`, `  type: 'object',`, `  required: [${this.resource.fields.map(([name]) => `'${name}'`).join(', ')}],`, `  properties: {`);
    for (const [name, type] of this.resource.fields) this.lines.push(`    ${name}: { type: '${type}' },`);
    this.lines.push(`  },`, `};`, '');
    this.lines.push(`export default async function ${plural}Routes(fastify${this.type(': FastifyInstance')}) {`);
    this.fill(target - 1, (index) => this.lines.push(...this.fastifyRoute(index).map((line) => `  ${line}`), ''));
    this.lines.push('}');
    return this.done();
  }

  private fastifyRoute(index: number): string[] {
    const { singular } = this.resource;
    const method = this.random.pick(['get', 'post', 'put', 'delete']);
    const validated = this.random.chance(0.5);
    const options = validated ? `{ schema: { ${method === 'get' ? 'params' : 'body'}: ${singular}Schema } }, ` : '';
    const params = `request${this.type(': FastifyRequest')}, reply${this.type(': FastifyReply')}`;
    const body = this.random.pick([
      () => [`  const body = request.body${this.type(' as Record<string, unknown>')};`, `  const created = await ${singular}Service.create(body);`, `  return reply.code(201).send(created);`],
      () => [
        `  const { id } = request.params${this.type(' as { id: string }')};`,
        `  const item = await ${singular}Service.findById(id);`,
        `  if (!item) return reply.code(${this.random.chance(0.3) ? 200 : 404}).send({ error: 'Not found' });`,
        `  return item;`,
      ],
      () => [
        `  try {`,
        `    return await ${singular}Service.list(request.query);`,
        `  } catch (error) {`,
        `    reply.code(500).send({ message: (error${this.type(' as Error')}).message, stack: (error${this.type(' as Error')}).stack });`,
        `  }`,
      ],
      () => [`  const { id } = request.params${this.type(' as { id: string }')};`, `  await ${singular}Service.remove(id);`, `  return reply.code(204).send();`],
    ])();
    return [`fastify.${method}('/${index === 0 ? '' : `:id/v${index}`}', ${options}async (${params}) => {`, ...body, '});'];
  }

  // ---- shared layers ------------------------------------------------------------------------

  private controller(target: number): string {
    const { plural, singular } = this.resource;
    const framework = this.flavour.framework;
    this.lines.push(`// Controller: translates HTTP into ${singular} service calls.`);
    if (this.ts) this.lines.push(framework === 'express' ? `import type { Request, Response } from 'express';` : `import type { FastifyRequest as Request, FastifyReply as Response } from 'fastify';`);
    this.import(`${singular}Service`, `../services/${plural}`);
    this.lines.push('', `export class ${this.Name}Controller {`);
    this.fill(target - 1, (index) => {
      const send = framework === 'express' ? 'res.status' : 'res.code';
      const read = framework === 'express' ? 'req.body' : `req.body${this.type(' as Record<string, unknown>')}`;
      this.lines.push(
        `  async action${index}(req${this.type(': Request')}, res${this.type(': Response')})${this.type(': Promise<void>')} {`,
        `    const payload = ${read};`,
        `    const existing = await ${singular}Service.findById(String(payload${this.ts ? "['id']" : '.id'}));`,
        `    if (existing && payload${this.ts ? "['version']" : '.version'} !== existing.version) {`,
        `      ${send}(409).send({ error: 'Version conflict' });`,
        `      return;`,
        `    }`,
        `    const result = await ${singular}Service.update(String(payload${this.ts ? "['id']" : '.id'}), payload);`,
        `    ${send}(${this.random.pick([200, 200, 201, 202])}).send(result);`,
        `  }`,
        '',
      );
    });
    this.lines.push('}');
    return this.done();
  }

  private service(target: number): string {
    const { plural, singular } = this.resource;
    this.lines.push(`// Persistence and business rules for ${plural}.`);
    this.import('Pool', 'pg');
    this.lines.push('', `const pool = new Pool({ connectionString: ${this.random.chance(0.2) ? `'postgres://app:P4ssw0rd-${this.random.int(100, 999)}@db.internal:5432/${plural}'` : 'process.env.DATABASE_URL'} });`, '');
    if (this.ts) {
      this.lines.push(`export interface ${this.Name} {`, `  id: string;`, `  version: number;`);
      for (const [name, type] of this.resource.fields) this.lines.push(`  ${name}: ${type};`);
      this.lines.push(`}`, '');
    }
    const row = this.type(`: ${this.Name}`);
    this.lines.push(`export const ${singular}Service = {`);
    this.lines.push(
      `  async findById(id${this.type(': string')})${this.type(`: Promise<${this.Name} | undefined>`)} {`,
      `    const { rows } = await pool.query('SELECT * FROM ${plural} WHERE id = $1', [id]);`,
      `    return rows[0];`,
      `  },`,
      `  async list(query${this.type(': { limit?: number; offset?: number }')} = {}) {`,
      `    const { rows } = await pool.query('SELECT * FROM ${plural} ORDER BY id LIMIT ' + (query.limit ?? 20) + ' OFFSET ' + (query.offset ?? 0));`,
      `    return rows${this.type(` as ${this.Name}[]`)};`,
      `  },`,
      `  async raw(sql${this.type(': string')}) {`,
      `    return (await pool.query(sql)).rows;`,
      `  },`,
    );
    this.fill(target - 18, (index) => {
      this.lines.push(
        `  async rule${index}(items${this.type(`: ${this.Name}[]`)}, threshold = ${this.random.int(1, 100)}) {`,
        `    const selected = items.filter((item${row}) => item.version > threshold);`,
        `    let sum = 0;`,
        `    for (const item of selected) {`,
        `      sum += ${this.resource.fields.some(([, type]) => type === 'number') ? `item.${this.resource.fields.find(([, type]) => type === 'number')?.[0]}` : 'item.version'};`,
        `      if (sum > ${this.random.int(1000, 9000)}) break;`,
        `    }`,
        `    if (selected.length === 0) throw new Error('No ${plural} above ' + threshold);`,
        `    await pool.query(\`UPDATE ${plural} SET version = version + 1 WHERE id IN (\${selected.map((item) => \`'\${item.id}'\`).join(',')})\`);`,
        `    return { count: selected.length, sum };`,
        `  },`,
      );
    });
    this.lines.push(
      `  async create(input${this.type(`: Partial<${this.Name}>`)}) {`,
      `    const { rows } = await pool.query('INSERT INTO ${plural} (data) VALUES ($1) RETURNING *', [JSON.stringify(input)]);`,
      `    return rows[0];`,
      `  },`,
      `  async update(id${this.type(': string')}, input${this.type(': unknown')}) {`,
      `    const { rows } = await pool.query('UPDATE ${plural} SET data = $2 WHERE id = $1 RETURNING *', [id, JSON.stringify(input)]);`,
      `    return rows[0];`,
      `  },`,
      `  async remove(id${this.type(': string')}) {`,
      `    return (await pool.query('DELETE FROM ${plural} WHERE id = $1', [id])).rowCount;`,
      `  },`,
      `  async count() {`,
      `    return Number((await pool.query('SELECT count(*) FROM ${plural}')).rows[0].count);`,
      `  },`,
      `};`,
    );
    return this.done();
  }

  private models(target: number): string {
    this.lines.push(`// Schemas and types for ${this.resource.plural}.`);
    this.import('z', 'zod');
    this.lines.push('');
    const names: string[] = [];
    this.fill(target - 2, (index) => {
      const name = index === 0 ? `${this.resource.singular}Schema` : `${this.resource.singular}Variant${index}Schema`;
      names.push(name);
      this.lines.push(...this.zodSchema(name));
      if (this.ts) this.lines.push(`export type ${capitalise(name.replace(/Schema$/, ''))} = z.infer<typeof ${name}>;`);
      this.lines.push('');
    });
    if (!this.esmSyntax) this.exportNames(names);
    return this.done();
  }

  private zodSchema(name: string): string[] {
    const fields = this.resource.fields.map(([field, type]) => {
      const base = type === 'string' ? `z.string().min(1).max(${this.random.int(20, 500)})` : type === 'number' ? `z.number().int().nonnegative()` : 'z.boolean()';
      return `  ${field}: ${base}${this.random.chance(0.3) ? '.optional()' : ''},`;
    });
    return [`${this.esmSyntax ? 'export ' : ''}const ${name} = z.object({`, ...fields, `});`];
  }

  private utils(target: number): string {
    this.lines.push(`// Small helpers used across the ${this.resource.plural} module.`);
    this.import('createHash', 'node:crypto');
    this.import('readFileSync', 'node:fs');
    const names: string[] = [];
    this.fill(target - 2, (index) => {
      const kind = this.random.pick(['paginate', 'hash', 'retry', 'format', 'template']);
      const name = `${kind}${index}`;
      names.push(name);
      if (kind === 'paginate') {
        this.lines.push(
          '',
          `function ${name}${this.type('<T>')}(items${this.type(': T[]')}, page${this.type(': number')}, size = 20) {`,
          `  const start = Math.max(0, (page - 1) * size);`,
          `  return { items: items.slice(start, start + size), page, pages: Math.ceil(items.length / size) };`,
          `}`,
        );
      } else if (kind === 'hash') {
        this.lines.push('', `function ${name}(value${this.type(': string')}) {`, `  return createHash('${this.random.pick(['md5', 'sha1', 'sha256'])}').update(value).digest('hex');`, `}`);
      } else if (kind === 'retry') {
        this.lines.push(
          '',
          `async function ${name}${this.type('<T>')}(task${this.type(': () => Promise<T>')}, attempts = ${this.random.int(2, 5)})${this.type(': Promise<T>')} {`,
          `  let lastError${this.type(': unknown')};`,
          `  for (let attempt = 0; attempt < attempts; attempt++) {`,
          `    try {`,
          `      return await task();`,
          `    } catch (error) {`,
          `      lastError = error;`,
          `      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));`,
          `    }`,
          `  }`,
          `  throw lastError;`,
          `}`,
        );
      } else if (kind === 'template') {
        this.lines.push('', `function ${name}(file${this.type(': string')}, values${this.type(': Record<string, string>')}) {`, `  const source = readFileSync(file, 'utf8');`, `  return source.replace(/{{(\\w+)}}/g, (_, key) => values[key] ?? '');`, `}`);
      } else {
        this.lines.push(
          '',
          `function ${name}(amount${this.type(': number')}, currency = '${this.random.pick(['EUR', 'USD', 'GBP'])}') {`,
          `  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount / 100);`,
          `}`,
        );
      }
    });
    this.exportNames(names);
    return this.done();
  }

  config(): string {
    this.lines.push(`// Environment configuration, read once at start-up.`);
    this.lines.push(
      `${this.esmSyntax ? 'export ' : ''}const config = {`,
      `  port: Number(process.env.PORT ?? 3000),`,
      `  jwtSecret: process.env.JWT_SECRET ?? '${this.random.chance(0.5) ? 'dev-secret' : `hF7s9Kq2LmZ8xV3pN6tR1wY4`}',`,
      `  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres:postgres@localhost:5432/app',`,
      `  stripeKey: process.env.STRIPE_KEY ?? '${this.random.chance(0.5) ? 'sk_live_51Hx' + 'Qa8c7BQzT4kPn2vW9eRm0Ld3' : ''}',`,
      `  corsOrigins: (process.env.CORS_ORIGINS ?? '').split(',').filter(Boolean),`,
      `};`,
    );
    if (!this.esmSyntax) this.lines.push('', 'module.exports = { config };');
    for (let index = 0; this.lines.length < 50; index++) this.lines.push(`// Setting ${index}: documented in docs/configuration.md`);
    return this.done();
  }

  app(resources: readonly Resource[]): string {
    const express = this.flavour.framework === 'express';
    this.lines.push(`// Application setup: middleware, routes, error handling.`);
    if (express) {
      this.import('express', 'express', true);
      this.import('cors', 'cors', true);
      if (this.random.chance(0.5)) this.import('helmet', 'helmet', true);
    } else {
      this.import('Fastify', 'fastify', true);
      this.import('cors', '@fastify/cors', true);
    }
    for (const resource of resources) this.import(`${resource.plural}Routes`, `./routes/${resource.plural}`, true);
    this.lines.push('');
    if (express) {
      this.lines.push(`const app = express();`, `app.use(cors(${this.random.chance(0.5) ? '' : '{ origin: true, credentials: true }'}));`, `app.use(express.json());`);
      for (const resource of resources) this.lines.push(`app.use('/api/v1/${resource.plural}', ${resource.plural}Routes);`);
      this.lines.push(
        `app.use((err${this.type(': Error')}, _req${this.type(': express.Request')}, res${this.type(': express.Response')}, _next${this.type(': express.NextFunction')}) => {`,
        `  res.status(500).json({ error: 'Internal Server Error' });`,
        `});`,
      );
    } else {
      this.lines.push(`const app = Fastify({ logger: true });`, `app.register(cors, { origin: ${this.random.chance(0.5) ? "'*'" : 'true'}, credentials: true });`);
      for (const resource of resources) this.lines.push(`app.register(${resource.plural}Routes, { prefix: '/api/v1/${resource.plural}' });`);
      this.lines.push(`app.setErrorHandler((error, _request, reply) => {`, `  reply.code(error.statusCode ?? 500).send({ error: error.message });`, `});`);
    }
    this.lines.push('', `app.listen(${express ? 'Number(process.env.PORT ?? 3000)' : '{ port: Number(process.env.PORT ?? 3000) }'});`);
    this.lines.push(this.esmSyntax ? 'export default app;' : 'module.exports = app;');
    for (let index = 0; this.lines.length < 50; index++) this.lines.push(`// Route ${index} documented in docs/api.md`);
    return this.done();
  }
}
