import { randomUUID } from 'node:crypto';
import { ConflictError, UnauthorizedError } from '../errors.js';
import { hashPassword, needsRehash, simulatePasswordCheck, verifyPassword } from './password.js';
import type { RefreshTokenStore } from './refresh-tokens.repository.js';
import type { LoginInput, LoginResult, RegisterInput, TokenPair, User } from './auth.schemas.js';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  InvalidTokenError,
  REFRESH_TOKEN_TTL_SECONDS,
  signAccessToken,
  signRefreshToken,
  verifyRefreshToken,
  type RefreshTokenClaims,
} from './tokens.js';
import { EmailTakenError, type UserRecord, type UserRepository } from './users.repository.js';

/** The same answer for an unknown email and a wrong password: a login reveals no accounts. */
function invalidCredentials(): UnauthorizedError {
  return new UnauthorizedError('Invalid email or password', 'INVALID_CREDENTIALS');
}

function invalidRefreshToken(): UnauthorizedError {
  return new UnauthorizedError('The refresh token is invalid, expired or revoked', 'INVALID_TOKEN');
}

function emailTaken(): ConflictError {
  return new ConflictError('An account with this email already exists', undefined, 'EMAIL_TAKEN');
}

function toUser(record: UserRecord): User {
  return { id: record.id, email: record.email, role: record.role, createdAt: record.createdAt.toISOString() };
}

/**
 * Registration, login, token refresh and the current user, over a user repository and a
 * refresh-token store: HTTP-agnostic, so routes stay thin. Refresh tokens rotate: each works
 * once and is replaced by a new pair; presenting one that was already used revokes its whole
 * family, since one of its holders must have stolen it.
 */
export class AuthService {
  private readonly users: UserRepository;
  private readonly refreshTokens: RefreshTokenStore;

  constructor(users: UserRepository, refreshTokens: RefreshTokenStore) {
    this.users = users;
    this.refreshTokens = refreshTokens;
  }

  /** A new account with the `user` role; ConflictError (409) when the email is taken. */
  async register(input: RegisterInput): Promise<User> {
    if (await this.users.findByEmail(input.email)) throw emailTaken();
    const passwordHash = await hashPassword(input.password);
    try {
      return toUser(await this.users.create({ email: input.email, role: 'user', passwordHash }));
    } catch (error) {
      // Two registrations of one email at the same time: the repository has the last word.
      if (error instanceof EmailTakenError) throw emailTaken();
      throw error;
    }
  }

  /** Tokens for valid credentials (a new refresh-token family); UnauthorizedError (401) otherwise. */
  async login(input: LoginInput): Promise<LoginResult> {
    const record = await this.users.findByEmail(input.email);
    if (!record) {
      await simulatePasswordCheck(input.password);
      throw invalidCredentials();
    }
    if (!(await verifyPassword(input.password, record.passwordHash))) throw invalidCredentials();
    if (needsRehash(record.passwordHash)) {
      await this.users.updatePasswordHash(record.id, await hashPassword(input.password));
    }
    const tokens = await this.issueTokens(record, randomUUID());
    return { ...tokens, user: toUser(record) };
  }

  /** Exchanges a refresh token for a new pair; the token presented is revoked. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    let claims: RefreshTokenClaims;
    try {
      claims = await verifyRefreshToken(refreshToken);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw invalidRefreshToken();
      throw error;
    }
    const stored = await this.refreshTokens.find(claims.tokenId);
    if (!stored || stored.userId !== claims.userId || stored.familyId !== claims.familyId) throw invalidRefreshToken();
    if (!(await this.refreshTokens.revoke(stored.tokenId))) {
      // Used before: whoever holds its successors may be an attacker. End the whole family.
      await this.refreshTokens.revokeFamily(stored.familyId);
      throw invalidRefreshToken();
    }
    const user = await this.users.findById(stored.userId);
    if (!user) {
      await this.refreshTokens.revokeFamily(stored.familyId);
      throw invalidRefreshToken();
    }
    return this.issueTokens(user, stored.familyId);
  }

  /** The current user; 401 when the account no longer exists. */
  async me(userId: string): Promise<User> {
    const record = await this.users.findById(userId);
    if (!record) throw new UnauthorizedError('The account no longer exists', 'INVALID_TOKEN');
    return toUser(record);
  }

  private async issueTokens(user: UserRecord, familyId: string): Promise<TokenPair> {
    const tokenId = randomUUID();
    const refresh = await signRefreshToken({ userId: user.id, tokenId, familyId });
    await this.refreshTokens.save({ tokenId, familyId, userId: user.id, expiresAt: refresh.expiresAt });
    const accessToken = await signAccessToken({ id: user.id, email: user.email, role: user.role });
    return {
      tokenType: 'Bearer',
      accessToken,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      refreshToken: refresh.token,
      refreshExpiresIn: REFRESH_TOKEN_TTL_SECONDS,
    };
  }
}
