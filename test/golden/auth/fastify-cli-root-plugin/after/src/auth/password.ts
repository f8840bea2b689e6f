import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { config } from '../config'

/** scrypt cost: N (CPU and memory, a power of two), r (block size), p (parallelisation). */
export interface ScryptParams {
  N: number
  r: number
  p: number
}

/**
 * OWASP's recommended minimum for scrypt: N=2^15, r=8, p=3 (32 MiB per hash). Under NODE_ENV=test
 * a cheap setting keeps test suites fast. Every hash records its parameters, so hashes made with
 * either setting verify anywhere, and older ones are upgraded at the next login (needsRehash).
 */
const PRODUCTION_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 3 }
const TEST_PARAMS: ScryptParams = { N: 2 ** 10, r: 8, p: 1 }
export const SCRYPT_PARAMS: ScryptParams = config.NODE_ENV === 'test' ? TEST_PARAMS : PRODUCTION_PARAMS

/** Format version: `scrypt$N$r$p$salt$key`, salt and key in base64url. */
const SCHEME = 'scrypt'
const SALT_BYTES = 16
const KEY_BYTES = 64

/** Limits for parameters read back from storage: a tampered hash must not exhaust the server. */
const MAX_N = 2 ** 20
const MAX_R = 32
const MAX_P = 16

interface ParsedHash {
  params: ScryptParams
  salt: Buffer
  key: Buffer
}

function deriveKey(password: string, salt: Buffer, length: number, params: ScryptParams): Promise<Buffer> {
  // maxmem: scrypt needs about 128 * N * r bytes; Node's default ceiling (32 MiB) is too tight.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

function isPositiveInteger(value: number, max: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= max
}

function parseHash(stored: string): ParsedHash | undefined {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$')
  if (scheme !== SCHEME || salt === undefined || key === undefined || rest.length > 0) return undefined
  const params: ScryptParams = { N: Number(n), r: Number(r), p: Number(p) }
  const powerOfTwo = isPositiveInteger(params.N, MAX_N) && params.N > 1 && (params.N & (params.N - 1)) === 0
  if (!powerOfTwo || !isPositiveInteger(params.r, MAX_R) || !isPositiveInteger(params.p, MAX_P)) return undefined
  const saltBytes = Buffer.from(salt, 'base64url')
  const keyBytes = Buffer.from(key, 'base64url')
  if (saltBytes.length < SALT_BYTES || keyBytes.length < 32 || keyBytes.length > 128) return undefined
  return { params, salt: saltBytes, key: keyBytes }
}

/** Hashes a password with a random salt: `scrypt$N$r$p$salt$key`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await deriveKey(password, salt, KEY_BYTES, SCRYPT_PARAMS)
  const { N, r, p } = SCRYPT_PARAMS
  return [SCHEME, N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Whether `password` matches a stored hash; compares in constant time. Unreadable hashes never match. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored)
  if (!parsed) return false
  const key = await deriveKey(password, parsed.salt, parsed.key.length, parsed.params)
  return timingSafeEqual(key, parsed.key)
}

/** Whether a stored hash was made with other parameters than the current ones (hash the password again). */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored)
  if (!parsed) return true
  const { N, r, p } = parsed.params
  return N !== SCRYPT_PARAMS.N || r !== SCRYPT_PARAMS.r || p !== SCRYPT_PARAMS.p || parsed.key.length !== KEY_BYTES
}

let decoyHash: Promise<string> | undefined

/**
 * Does the work of a password check without an account, so that a login for an unknown email
 * takes as long as one with a wrong password and does not reveal which emails are registered.
 */
export async function simulatePasswordCheck(password: string): Promise<void> {
  decoyHash ??= hashPassword(randomBytes(32).toString('base64url'))
  await verifyPassword(password, await decoyHash)
}
