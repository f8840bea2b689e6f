import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { config } from '../config.js';
import { ROLES, type Role } from './auth.schemas.js';

/** Who a valid access token speaks for: what the guards put on the request as `user`. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
}

/** What a valid refresh token identifies: its record in the refresh-token store. */
export interface RefreshTokenClaims {
  userId: string;
  tokenId: string;
  familyId: string;
}

/** A token that does not verify: bad signature, expired, malformed, or of the wrong kind. */
export class InvalidTokenError extends Error {
  readonly expired: boolean;

  constructor(message: string, expired = false) {
    super(message);
    this.name = 'InvalidTokenError';
    this.expired = expired;
  }
}

const ALGORITHM = 'HS256';
/** Access tokens are typed as RFC 9068 says; refresh tokens get their own type and their own key. */
const ACCESS_TOKEN_TYPE = 'at+jwt';
const REFRESH_TOKEN_TYPE = 'rt+jwt';
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** `15m` → 900: the TTL format the config accepts (a number and s, m, h or d). */
export function durationSeconds(value: string): number {
  const match = /^(\d+)([smhd])$/.exec(value);
  if (!match) throw new Error(`Invalid duration "${value}": use a number followed by s, m, h or d, e.g. 15m or 7d`);
  return Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
}

export const ACCESS_TOKEN_TTL_SECONDS = durationSeconds(config.JWT_ACCESS_TTL);
export const REFRESH_TOKEN_TTL_SECONDS = durationSeconds(config.JWT_REFRESH_TTL);

const encoder = new TextEncoder();
const accessKey = encoder.encode(config.JWT_SECRET);
const refreshKey = encoder.encode(config.JWT_REFRESH_SECRET);

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

async function verify(token: string, key: Uint8Array, type: string, label: string): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: [ALGORITHM], typ: type });
    return payload;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError(`The ${label} has expired`, true);
    if (error instanceof errors.JOSEError) throw new InvalidTokenError(`The ${label} is invalid`);
    throw error;
  }
}

/** A signed access token for the user, valid for JWT_ACCESS_TTL. */
export async function signAccessToken(user: AuthUser): Promise<string> {
  const issuedAt = nowSeconds();
  return new SignJWT({ email: user.email, role: user.role })
    .setProtectedHeader({ alg: ALGORITHM, typ: ACCESS_TOKEN_TYPE })
    .setSubject(user.id)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ACCESS_TOKEN_TTL_SECONDS)
    .sign(accessKey);
}

/** The user of a valid access token; InvalidTokenError otherwise. */
export async function verifyAccessToken(token: string): Promise<AuthUser> {
  const payload = await verify(token, accessKey, ACCESS_TOKEN_TYPE, 'access token');
  const { sub, email, role } = payload;
  if (typeof sub !== 'string' || typeof email !== 'string' || !isRole(role)) {
    throw new InvalidTokenError('The access token is invalid');
  }
  return { id: sub, email, role };
}

/** A signed refresh token (valid for JWT_REFRESH_TTL) and the moment it expires. */
export async function signRefreshToken(claims: RefreshTokenClaims): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = nowSeconds();
  const expiresAt = issuedAt + REFRESH_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ fam: claims.familyId })
    .setProtectedHeader({ alg: ALGORITHM, typ: REFRESH_TOKEN_TYPE })
    .setSubject(claims.userId)
    .setJti(claims.tokenId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(refreshKey);
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

/** The claims of a valid refresh token; InvalidTokenError otherwise. Revocation is the store's business. */
export async function verifyRefreshToken(token: string): Promise<RefreshTokenClaims> {
  const payload = await verify(token, refreshKey, REFRESH_TOKEN_TYPE, 'refresh token');
  const { sub, jti, fam } = payload;
  if (typeof sub !== 'string' || typeof jti !== 'string' || typeof fam !== 'string') {
    throw new InvalidTokenError('The refresh token is invalid');
  }
  return { userId: sub, tokenId: jti, familyId: fam };
}
