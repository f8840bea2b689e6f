/** A refresh token as the store keeps it (never the token itself: its id is enough). */
export interface RefreshTokenRecord {
  /** The token's `jti`. */
  tokenId: string
  /** Every token obtained by refreshing descends from one login: they share its family. */
  familyId: string
  userId: string
  expiresAt: Date
  /** When it was used or revoked; a revoked token never works again. */
  revokedAt: Date | null
}

export type NewRefreshToken = Omit<RefreshTokenRecord, 'revokedAt'>

/**
 * Where issued refresh tokens are tracked, so that each works once (rotation) and a stolen one
 * can be detected. InMemoryRefreshTokenStore below is the default; with several server processes
 * or restarts that must keep sessions, implement it over a shared database or Redis.
 */
export interface RefreshTokenStore {
  save(token: NewRefreshToken): Promise<void>
  find(tokenId: string): Promise<RefreshTokenRecord | undefined>
  /**
   * Revokes one token. True only for the call that revoked it, false when it already was: in a
   * database, one atomic `UPDATE … SET revoked_at = now() WHERE token_id = ? AND revoked_at IS NULL`.
   */
  revoke(tokenId: string): Promise<boolean>
  /** Revokes every token of a family (all sessions that descend from one login). */
  revokeFamily(familyId: string): Promise<void>
}

/** Keeps refresh tokens in this process's memory: they are gone after a restart. */
export class InMemoryRefreshTokenStore implements RefreshTokenStore {
  private readonly tokens = new Map<string, RefreshTokenRecord>();

  async save(token: NewRefreshToken): Promise<void> {
    this.pruneExpired()
    this.tokens.set(token.tokenId, { ...token, revokedAt: null })
  }

  async find(tokenId: string): Promise<RefreshTokenRecord | undefined> {
    const record = this.tokens.get(tokenId)
    return record ? { ...record } : undefined
  }

  async revoke(tokenId: string): Promise<boolean> {
    const record = this.tokens.get(tokenId)
    if (!record || record.revokedAt) return false
    record.revokedAt = new Date()
    return true
  }

  async revokeFamily(familyId: string): Promise<void> {
    const now = new Date()
    for (const record of this.tokens.values()) {
      if (record.familyId === familyId && !record.revokedAt) record.revokedAt = now
    }
  }

  /** Expired tokens fail verification anyway; forgetting them keeps the map small. */
  private pruneExpired(): void {
    const now = Date.now()
    for (const [tokenId, record] of this.tokens) {
      if (record.expiresAt.getTime() <= now) this.tokens.delete(tokenId)
    }
  }
}
