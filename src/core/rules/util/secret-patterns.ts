import { characterClasses, shannonEntropy } from './entropy';

/**
 * What a string literal looks like to a secret scanner: known credential formats, connection URLs
 * with a password, placeholders, and whether a name or a value reads as a secret. Pure string logic;
 * where the literal sits in the code is the rule's business.
 */

/** A credential recognised by its format alone, wherever it appears. */
export interface TokenFormat {
  /** What to call it in a message: "GitHub token". */
  label: string;
  /** The environment variable the quick fix reads it from. */
  envName: string;
  pattern: RegExp;
  /** An extra check on the match, for formats whose prefix alone is too common. */
  accept?: (match: string) => boolean;
}

/** The characters after a known prefix look generated: digits and both cases mixed, not a kebab-case word list. */
function generatedTail(match: string, prefixLength: number): boolean {
  const tail = match.slice(prefixLength);
  return /[0-9]/.test(tail) && /[a-z]/.test(tail) && /[A-Z]/.test(tail);
}

export const TOKEN_FORMATS: readonly TokenFormat[] = [
  { label: 'AWS access key ID', envName: 'AWS_ACCESS_KEY_ID', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { label: 'GitHub token', envName: 'GITHUB_TOKEN', pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b/ },
  { label: 'GitHub token', envName: 'GITHUB_TOKEN', pattern: /\bgithub_pat_[A-Za-z0-9_]{60,}\b/ },
  { label: 'Stripe live secret key', envName: 'STRIPE_SECRET_KEY', pattern: /\b[sr]k_live_[0-9A-Za-z]{20,}\b/ },
  { label: 'Slack token', envName: 'SLACK_TOKEN', pattern: /\bxox[abprs]-[0-9A-Za-z-]{10,}\b/, accept: (match) => /[0-9]/.test(match) },
  { label: 'Slack webhook URL', envName: 'SLACK_WEBHOOK_URL', pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{20,}/ },
  { label: 'Anthropic API key', envName: 'ANTHROPIC_API_KEY', pattern: /\bsk-ant-[A-Za-z0-9_-]{32,}/, accept: (match) => generatedTail(match, 7) },
  {
    label: 'OpenAI API key',
    envName: 'OPENAI_API_KEY',
    pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}/,
    accept: (match) => !match.startsWith('sk-ant-') && generatedTail(match, 3),
  },
  { label: 'Google API key', envName: 'GOOGLE_API_KEY', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  {
    label: 'private key',
    envName: 'PRIVATE_KEY',
    // a header alone is documentation; a real key has a base64 body after it
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----[\s\\n]*[A-Za-z0-9+/=]{40,}/,
  },
  { label: 'SendGrid API key', envName: 'SENDGRID_API_KEY', pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/ },
  { label: 'Twilio API key', envName: 'TWILIO_API_KEY', pattern: /\bSK[0-9a-f]{32}\b/ },
  { label: 'npm token', envName: 'NPM_TOKEN', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { label: 'Mailgun API key', envName: 'MAILGUN_API_KEY', pattern: /\bkey-[0-9a-z]{32}\b/, accept: (match) => /[0-9]/.test(match) && /[a-z]/.test(match.slice(4)) },
];

export interface TokenMatch {
  format: TokenFormat;
  /** Offsets of the token inside the literal's value. */
  start: number;
  end: number;
}

/** The first known credential format found in a string, unless it is a documented example. */
export function findToken(value: string): TokenMatch | undefined {
  for (const format of TOKEN_FORMATS) {
    const match = format.pattern.exec(value);
    if (!match) continue;
    if (format.accept && !format.accept(match[0])) continue;
    if (/example|sample|dummy|fake|x{6,}/i.test(match[0])) continue;
    return { format, start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

export interface ConnectionCredentials {
  scheme: string;
  user: string;
  password: string;
  /** The environment variable a URL of this scheme usually lives in. */
  envName: string;
  /** Whether the URL is the whole string (then the fix can move the whole value). */
  whole: boolean;
}

const CONNECTION_URL = /\b(postgres(?:ql)?|mysql2?|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver):\/\/([^:@/\s'"`]*):([^@/\s'"`]+)@[^\s'"`]+/i;

/** Passwords that every local database image ships with, or that stand for "fill me in". */
const DEFAULT_DB_PASSWORDS = new Set([
  'postgres', 'postgresql', 'root', 'mysql', 'mariadb', 'password', 'pass', 'passwd', 'pwd', 'guest', 'redis', 'mongo', 'mongodb',
  'secret', 'changeme', 'example', 'test', 'user', 'username', 'admin', 'rabbitmq', 'docker', 'dev', 'local', 'localhost',
]);

/** A database password that is a local default or equal to its user name (`root` / `root`). */
export function isDefaultDatabasePassword(password: string, user?: string): boolean {
  return password === user || DEFAULT_DB_PASSWORDS.has(password.toLowerCase());
}

/** A connection URL in the string that embeds a real-looking password. */
export function findConnectionCredentials(value: string): ConnectionCredentials | undefined {
  const match = CONNECTION_URL.exec(value);
  if (!match) return undefined;
  const [url, schemeText, user, password] = match;
  const scheme = schemeText.toLowerCase();
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // a malformed escape is still a password
  }
  if (isDefaultDatabasePassword(decoded, user)) return undefined;
  if (isPlaceholder(decoded) || /^[*•.]+$/.test(decoded) || /^[$%{<[]/.test(decoded)) return undefined;
  return { scheme, user, password: decoded, envName: connectionEnvName(scheme), whole: url === value };
}

function connectionEnvName(scheme: string): string {
  if (scheme.startsWith('mongodb')) return 'MONGODB_URI';
  if (scheme.startsWith('redis')) return 'REDIS_URL';
  if (scheme.startsWith('amqp')) return 'AMQP_URL';
  return 'DATABASE_URL';
}

/** Splits `jwtSecret`, `JWT_SECRET`, `x-api-key`, `APIKey`, `client.secret` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

/** Qualifiers that make a trailing `key` or `token` a credential (`apiKey`, `accessToken`), unlike `cacheKey` or `csrfToken`. */
const KEY_QUALIFIERS = new Set([
  'secret', 'private', 'api', 'access', 'signing', 'sign', 'encryption', 'encrypt', 'crypt', 'crypto', 'cipher', 'aes', 'master', 'client',
  'app', 'auth', 'license', 'licence', 'service', 'webhook', 'hmac', 'jwt', 'session', 'cookie', 'admin', 'root', 'shared', 'consumer',
  'stripe', 'sendgrid', 'mailgun', 'twilio', 'openai', 'anthropic', 'github', 'slack', 'aws', 'firebase', 'algolia', 'pusher', 'mailchimp',
  'postmark', 'resend', 'brevo', 'paystack', 'razorpay', 'paypal', 'braintree', 'server', 'fcm', 'gcm', 'apns', 'onesignal',
  // keys that let a caller in: `INTERNAL_KEY`, `BACKDOOR_KEY`, `SUPERUSER_KEY`
  'internal', 'backdoor', 'bypass', 'superuser', 'super', 'partner', 'integration',
]);
const TOKEN_QUALIFIERS = new Set([
  'access', 'auth', 'api', 'bearer', 'refresh', 'bot', 'personal', 'admin', 'secret', 'service', 'app', 'webhook', 'oauth', 'verify',
  'slack', 'github', 'gh', 'gitlab', 'npm', 'discord', 'telegram', 'twilio', 'mapbox', 'sentry', 'vercel', 'netlify', 'cloudflare', 'hf',
  'internal', 'backdoor', 'bypass', 'superuser', 'master', 'root', 'partner', 'integration',
]);
/** Words that make a name a description of a secret rather than the secret: `publicKey`, `testPassword`, `placeholderToken`. */
const NOT_SECRET_WORDS = new Set(['public', 'publishable', 'placeholder', 'example', 'sample', 'dummy', 'fake', 'mock', 'test', 'demo', 'hash', 'hashed', 'invalid', 'wrong']);

export type SecretNameStrength = 'strong' | 'weak';

/**
 * Whether a variable / property name says its value is a secret. Only the last word counts, so
 * `passwordField`, `tokenType`, `secretName` and `apiKeyHeader` are not secrets. Strong names
 * (`password`, `clientSecret`, `apiKey`, `accessToken`) hold secrets whatever they look like;
 * weak ones (`token`, `key`, `salt`) only when the value looks generated.
 */
export function secretNameStrength(name: string): SecretNameStrength | undefined {
  const words = nameWords(name);
  // `HASH_SALT`, `hashPepper`: what the hash is seasoned with is the secret, not a hashed value
  const seasoning = /^(salt|pepper)$/.test(words[words.length - 1] ?? '');
  if (words.length === 0 || words.some((word) => NOT_SECRET_WORDS.has(word) && !(seasoning && /^(hash|hashed)$/.test(word)))) return undefined;
  const last = words[words.length - 1];
  const previous = words.length > 1 ? words[words.length - 2] : undefined;
  if (/^(secret|secrets|password|passwords|passwd|pwd|passphrase|pepper|privatekey|secretkey|apikey|apisecret|clientsecret)$/.test(last)) {
    return 'strong';
  }
  if (last === 'pass' && previous !== undefined && /^(db|database|smtp|mail|redis|admin|root|user|mongo|mysql|pg|postgres)$/.test(previous)) return 'strong';
  // a custom request header carrying a credential: `x-internal-key`, `x-internal-token`
  if (words[0] === 'x' && words.length >= 3 && (last === 'key' || last === 'token')) return 'strong';
  if (last === 'key' || last === 'keys') {
    if (previous && KEY_QUALIFIERS.has(previous)) return 'strong';
    return words.length === 1 ? 'weak' : undefined;
  }
  if (last === 'token' || last === 'tokens') {
    if (previous && TOKEN_QUALIFIERS.has(previous)) return 'strong';
    return words.length === 1 ? 'weak' : undefined;
  }
  if (last === 'credentials' || last === 'credential' || last === 'salt') return 'weak';
  return undefined;
}

/** Values that stand for "put your secret here" rather than being one. */
const PLACEHOLDER_WORDS = new Set([
  'changeme', 'changeit', 'replaceme', 'todo', 'tbd', 'fixme', 'placeholder', 'example', 'sample', 'dummy', 'test', 'testing', 'secret',
  'secrets', 'password', 'passwd', 'pass', 'token', 'key', 'apikey', 'null', 'undefined', 'none', 'nil', 'default', 'foo', 'bar', 'foobar',
  'baz', 'value', 'string', 'empty', 'unset', 'required', 'missing', 'redacted', 'hidden', 'notset', 'changepassword', 'changethis',
  // the non-empty key local OpenAI-compatible servers ignore
  'notused', 'notneeded', 'unused', 'nokey', 'ollama', 'lmstudio',
  // Prisma's documented example URL: postgresql://johndoe:randompassword@localhost:5432/mydb
  'randompassword',
  // the password of Redis's own examples: redis://alice:foobared@awesome.redis.server:6380
  'foobared',
]);
const PLACEHOLDER_TOKENS = new Set(['your', 'changeme', 'replace', 'placeholder', 'example', 'sample', 'dummy', 'fake', 'mock', 'test', 'insert', 'enter', 'redacted', 'invalid', 'wrong']);

/** The UUIDs documentation uses as examples (Wikipedia's, and the one in many API docs). */
const EXAMPLE_UUIDS = new Set(['550e8400-e29b-41d4-a716-446655440000', '123e4567-e89b-12d3-a456-426614174000', '123e4567-e89b-12d3-a456-426655440000']);

/** `changeme`, `your-secret-here`, `xxxx`, `<token>`, `${JWT_SECRET}`, `test-secret`, `example`, `secret`. */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length === 0) return true;
  const lower = trimmed.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower) || PLACEHOLDER_WORDS.has(lower.replace(/[^a-z]/g, ''))) return true;
  if (/^[x*.#_\-•?]+$/i.test(trimmed) || /^(.)\1+$/.test(trimmed)) return true;
  if (/^<.*>$/.test(trimmed) || /^\[.*\]$/.test(trimmed) || /^\{\{.*\}\}$/.test(trimmed) || /^%.*%$/.test(trimmed) || /^\$[A-Z_][A-Z0-9_]*$/.test(trimmed)) return true;
  if (/\$\{[^}]*\}/.test(trimmed) || /x{4,}/i.test(trimmed)) return true;
  if (/example|placeholder|changeme|change[-_ ]me|your[-_ ]/i.test(trimmed)) return true;
  if (EXAMPLE_UUIDS.has(lower)) return true;
  // `demo-key`, `demo_secret`; `demo-app-refresh-9f8Kq2` is a real secret of a demo app
  if (/demo/i.test(trimmed) && isWordLike(trimmed)) return true;
  return nameWords(trimmed).some((word) => PLACEHOLDER_TOKENS.has(word));
}

/** Only letters, possibly joined by separators: `keyboard cat`, `refresh_token`, `auth.login`, `accessToken`. */
function isWordLike(value: string): boolean {
  return /^[A-Za-z]+(?:[ _.:/-][A-Za-z]+)*$/.test(value);
}

/** Values that name or describe something rather than being a credential. */
function isDescriptive(value: string): boolean {
  if (/\s/.test(value)) return true;
  if (/^\$(2[abxy]?|argon2(id|i|d)?|scrypt|pbkdf2[-\w]*|[156])\$/.test(value)) return true; // password hashes, not passwords
  if (/^(\.{0,2}\/|~\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(value)) return true; // paths and URLs
  if (/\.(pem|key|crt|cert|cer|der|p12|pfx|jks|json|txt|env|ya?ml|js|ts|html?)$/i.test(value)) return true; // key files
  if (/^x-[a-z0-9-]+$/i.test(value) || /^(authorization|bearer|basic|cookie|set-cookie)$/i.test(value)) return true; // header names and schemes
  if (/^[a-z]+\/[a-z0-9.+-]+$/i.test(value)) return true; // MIME types
  if (/^[\w.+-]+@(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})$/i.test(value)) return true; // email addresses: an account, not its password
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) && !/[0-9]{3,}/.test(value)) return true; // env var names and error codes
  if (/^(?:[a-z]+[-_]?)?(?:(?:sha|md|hs|rs|es|ps)[0-9]+|aes-[0-9]+-[a-z]+|utf-?8|base64(?:url)?|hex|latin1|ascii)$/i.test(value)) return true;
  if (/^[a-z]{3,}(?:\.(?:[a-z]{3,}|[0-9]{2,3}))+$/.test(value)) return true; // dotted names and design tokens: `grey.500`, `palette.primary.main`
  if (/^[A-Za-z]+(\|[A-Za-z]+)+$/.test(value)) return true; // type ids made of words: `SN|RootKey|NoSync`
  if (/^[#.][a-z_][a-z0-9_-]*$/.test(value) || /^[a-z]*\[[\w-]+(?:[~|^$*]?=["']?[\w-]+["']?)?\]$/i.test(value)) return true; // CSS selectors of a form field: `#login_password`, `input[name=password]`
  if (/^v?[0-9]+(?:\.[0-9]+){1,3}$/.test(value) || /^[0-9]{4}-[0-9]{2}-[0-9]{2}/.test(value) || /^[0-9]+[smhdwy]$/i.test(value)) return true;
  return false;
}

function normalized(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Letters only, made of dictionary-shaped words: `incomingChatSound`, `Notification-Sound`, `API_KEY_HEADER`. */
function isWordSequence(value: string): boolean {
  if (/[0-9]/.test(value)) return false;
  const segments = value.split(/[^A-Za-z]+/).flatMap((part) => part.split(/(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)).filter((part) => part.length > 0);
  return segments.length > 0 && segments.every((segment) => /^[A-Z]?[a-z]{2,}$/.test(segment) || /^[A-Z]{2,}$/.test(segment));
}

/**
 * Identifiers made mostly of words, a short code among them: i18n message keys and setting names
 * (`MessageTaskEncodingM4b`, `markAsFinishedPercentComplete`). Generated strings split into short
 * runs (`Hc8x2e`, `Zv`, `KYlo2`), so words cover little of them.
 */
function isIdentifierLike(value: string): boolean {
  // a counter at the end of a word is part of the name: `lineItemTaxRate1`
  const segments = value.split(/[^A-Za-z0-9]+/).flatMap((part) => part.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[a-z])(?=\d)/)).filter((part) => part.length > 0);
  const words = segments.filter((segment) => /^[A-Z]?[a-z]{2,}$/.test(segment) && /[aeiou]/i.test(segment) && !/[^aeiou]{4,}/i.test(segment));
  const wordCharacters = words.reduce((sum, segment) => sum + segment.length, 0);
  return segments.length >= 3 && wordCharacters >= 0.75 * value.replace(/[^A-Za-z0-9]/g, '').length && wordCharacters >= 3.5 * words.length;
}

/** Lower-to-upper case switches: many in generated strings (`L_YaBPzrBy`), one per word in identifiers. */
function caseSwitches(value: string): number {
  let switches = 0;
  for (let index = 1; index < value.length; index++) {
    if (/[a-z]/.test(value.charAt(index - 1)) && /[A-Z]/.test(value.charAt(index))) switches++;
  }
  return switches;
}

/** Entropy (bits per character) above which a 16+ character string reads as generated; calibrated on hex and base64 keys. */
export const HIGH_ENTROPY_THRESHOLD = 3.3;

/** A long string that looks machine-generated: hex, base64, random alphanumerics. */
export function looksGenerated(value: string): boolean {
  if (value.length < 16 || /\s/.test(value) || isDescriptive(value) || isPlaceholder(value)) return false;
  if (shannonEntropy(value) < HIGH_ENTROPY_THRESHOLD || isWordSequence(value) || isIdentifierLike(value)) return false;
  const digits = (value.match(/[0-9]/g) ?? []).length;
  const letters = (value.match(/[A-Za-z]/g) ?? []).length;
  return (digits >= 2 && letters >= 2) || caseSwitches(value) >= 3;
}

/** Keys made to be shipped to browsers: Mapbox public tokens (`pk.eyJ…`, the secret ones are `sk.`), Stripe publishable keys. */
function isPublishableKey(value: string): boolean {
  return /^pk\.eyJ[\w-]+\.[\w-]+$/.test(value) || /^pk_(live|test)_\w+$/.test(value);
}

/**
 * Whether a literal assigned to a secret-like name is a credential. Strong names accept short and
 * hand-made secrets (`P@ssw0rd1`, `supersecret`) but not words that describe the field (`refresh_token`,
 * `INVALID_PASSWORD`, `/reset-password`, `Invalid password`); weak names need a generated-looking value.
 */
export function isSecretValue(value: string, name: string, strength: SecretNameStrength): boolean {
  if (isPublishableKey(value)) return false;
  if (strength === 'weak') return looksGenerated(value);
  // a Google app password as Gmail shows it (`'qwxz hmfe pkvb tnda'`): four groups of four letters, not words
  if (/pass|pwd/i.test(name) && /^[a-z]{4} [a-z]{4} [a-z]{4} [a-z]{4}$/.test(value) && !isPlaceholder(value.replace(/ /g, ''))) return true;
  if (TUTORIAL_SECRETS.test(value)) return true;
  if (value.length < 6 || isPlaceholder(value) || isDescriptive(value)) return false;
  if (normalized(value) === normalized(name) || normalized(name).endsWith(normalized(value))) return false;
  // `secret: 'ilovescotchyscotch'`: a long run of letters is a passphrase where the app's own key goes
  // (`'accesstoken'`, `'sessionid'` name a field or a cookie)
  if (isWordLike(value)) return secretishWords(value, name) || (isOwnKeyName(name) && /^[a-z]{10,}$/.test(value) && !CREDENTIAL_STATES.test(value) && !/token|session|cookie|auth|bearer|header|field|name|id$/.test(value));
  if (/^[0-9]+$/.test(value)) return value.length >= 6 && shannonEntropy(value) >= 1.5;
  return shannonEntropy(value) >= 2 && characterClasses(value) >= 1;
}

/** The secrets of the README examples copied into real apps: express-session's `'keyboard cat'`, jsonwebtoken's `'shhhhh'`. */
const TUTORIAL_SECRETS = /^(keyboard cat|shh+)$/i;

/**
 * Letters-only values under a strong name: `supersecret`, `my-super-secret-key` are hand-made
 * secrets, while `refreshToken`, `reset_password`, `auth.login` are field names, cookie names and keys.
 */
function secretishWords(value: string, name: string): boolean {
  const words = nameWords(value);
  const nameLast = nameWords(name).pop() ?? '';
  if (words.length === 1) {
    const word = words[0];
    return word.length >= 8 && word === value.toLowerCase() && /secret|pass|pwd|key/.test(word) && !/^(password|passwords|passphrase|passkey|keyboard)$/.test(word);
  }
  const hasSecretWord = words.some((word) => word === 'secret' || word === 'secrets');
  // camelCase values are field names (`refreshToken`, `resetPassword`) unless they spell out a secret (`miSecretKey`)
  if (/[A-Z]/.test(value) && /[a-z]/.test(value) && !/[ _-]/.test(value)) return hasSecretWord;
  const hasKeyWord = words.some((word) => word === 'key') && /^(secret|key)$/.test(nameLast);
  return (hasSecretWord || hasKeyWord) && words.length >= 2;
}

/** States a credential field can be compared with that are not a password: `user.password === 'disabled'`. */
const CREDENTIAL_STATES = /^(true|false|yes|no|on|off|forbidden|unauthorized|denied|error|failed|unavailable|unset|empty|disabled|enabled|pending|expired|revoked|locked|unlocked|invalid|unknown|none|null|undefined|nullable|default|missing|required|optional|temporary|active|inactive|blocked|reset|changed|unchanged|hashed|plain|plaintext|bcrypt|argon|oauth|google|github|facebook|saml|ldap|local|email|magiclink|sso)$/i;

/**
 * A literal a credential with a strong name is compared with (`req.body.password === 'letmein'`): a
 * login with a fixed password even when the value is one plain word (`letmein`, `express`), unless
 * the word is a state or method the field can hold (`'disabled'`, `'oauth'`).
 */
export function isComparedSecretValue(value: string, name: string, source: 'request' | 'config' | 'other' = 'other'): boolean {
  // a check that the shipped default was changed (`if (config.secret === 'acme_default_secret') warn(…)`,
  // `config.jwt.secret === 'dev_secret' && isProduction`) accepts no credential; compared with what a
  // request sends, the same literal is a backdoor
  if (source !== 'request' && nameWords(value).includes('default')) return false;
  if (source === 'config' && isWordLike(value)) return false;
  // a mode the field can be set to: `password === 'disabledAuth'`
  if (/^[a-z]+[A-Z][a-z]+$/.test(value) && CREDENTIAL_STATES.test(nameWords(value)[0] ?? '')) return false;
  if (isSecretValue(value, name, 'strong')) return true;
  // `actionStep.appKey === 'filter'`: a key compared with a lower-case word names a kind of thing (a slug);
  // what a request sends compared with one (`req.query.adminKey === 'hunter'`), or an API / admin key, is a backdoor
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (source !== 'request' && (last === 'key' || last === 'keys') && /^[a-z]+$/.test(value) && !words.some((word) => /^(api|admin|secret|access|private|master|auth|root|super)$/.test(word))) return false;
  return /^[A-Za-z]{5,}$/.test(value) && !CREDENTIAL_STATES.test(value) && !isPlaceholder(value) && normalized(value) !== normalized(name) && !normalized(name).endsWith(normalized(value));
}

/** Placeholders that stand for no key at all, or for the keys local model servers ignore. */
const NON_KEYS = new Set(['null', 'undefined', 'none', 'nil', 'empty', 'unset', 'notset', 'missing', 'required', 'notused', 'notneeded', 'unused', 'nokey', 'ollama', 'lmstudio']);

/**
 * The fallback of the app's own key: whenever the variable is unset the app signs or encrypts with
 * it, so a placeholder (`'your-secret-key'`, `'secret'`, `'changeme'`) is as public as any literal and
 * lets anyone forge tokens. Template slots (`'<jwt-secret>'`, `'${JWT_SECRET}'`), masks and non-keys
 * are not keys. A placeholder for a provider's key (`process.env.OPENAI_API_KEY || 'demo-key'`) only
 * makes the provider refuse the calls, so it stays a placeholder.
 */
export function isLiveFallbackSecret(value: string, ownKey: boolean): boolean {
  const trimmed = value.trim();
  if (trimmed.length < 3) return false;
  if (!isPlaceholder(trimmed)) return true;
  // `'placeholder-public-key'`: a public key verifies, it signs nothing
  if (!ownKey || nameWords(trimmed).some((word) => word === 'public' || word === 'publishable')) return false;
  if (/^[x*.#_\-•?]+$/i.test(trimmed) || /^<.*>$|^\[.*\]$|^\{\{.*\}\}$|^%.*%$|^\$[A-Z_]|\$\{/.test(trimmed)) return false;
  return !NON_KEYS.has(trimmed.toLowerCase().replace(/[^a-z]/g, ''));
}

const OWN_KEY_WORDS = new Set(['jwt', 'session', 'cookie', 'signing', 'encryption', 'hmac', 'webhook', 'csrf', 'otp', 'totp']);
const GENERIC_KEY_WORDS = new Set(['secret', 'key', 'auth', 'token', 'access', 'refresh', 'app', 'my', 'api', 'private', 'better', 'next', 'nextauth', 'super']);
/** Words of a credential for another system: `SESSION_REDIS_PASSWORD`, `JWT_DB_USER`. */
const OTHER_SYSTEM_WORDS = new Set(['password', 'pass', 'passwd', 'user', 'username', 'host', 'url', 'uri', 'db', 'database', 'redis', 'mongo', 'smtp', 'mail', 'client', 'consumer',
  // settings around a key rather than the key: `COOKIE_NAME`, `JWT_EXPIRES_IN`, `SESSION_TTL`
  'name', 'id', 'path', 'domain', 'ttl', 'expires', 'expiry', 'expiration', 'age', 'header', 'algorithm', 'alg', 'issuer', 'audience', 'prefix']);

/**
 * Whether an environment variable holds a key the app itself signs or encrypts with: `JWT_SECRET`,
 * `SESSION_KEY`, `ACCESS_TOKEN_SECRET`, `TOKEN_KEY`, `BETTER_AUTH_SECRET`, `SECRET`; not a provider's
 * (`STRIPE_SECRET_KEY`, `CLIENT_SECRET`) nor another system's password (`SESSION_REDIS_PASSWORD`).
 */
export function isOwnKeyName(envName: string): boolean {
  const words = nameWords(envName);
  if (words.some((word) => OTHER_SYSTEM_WORDS.has(word))) return false;
  if (words.some((word) => OWN_KEY_WORDS.has(word))) return true;
  return (words.includes('secret') || (words.includes('token') && words.includes('key'))) && words.every((word) => GENERIC_KEY_WORDS.has(word));
}

/** A value given as the secret argument of a known API: anything but a placeholder or an empty string. */
export function isSinkSecretValue(value: string): boolean {
  return value.trim().length >= 3 && !isPlaceholder(value);
}
