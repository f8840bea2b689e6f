import { randomUUID } from 'node:crypto'
import type { Role } from './auth.schemas'

/** A stored account. `passwordHash` never leaves the server (responses use UserSchema). */
export interface UserRecord {
  id: string
  /** Trimmed, lower case, unique. */
  email: string
  role: Role
  passwordHash: string
  createdAt: Date
  updatedAt: Date
}

export type NewUser = Pick<UserRecord, 'email' | 'role' | 'passwordHash'>

/** Creating a user whose email another user already has. */
export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`${email} is already registered`)
    this.name = 'EmailTakenError'
  }
}

/**
 * Where accounts are stored. InMemoryUserRepository below is the default; a database-backed
 * implementation provides the same methods, with a unique index on email (throwing
 * EmailTakenError when it is violated).
 */
export interface UserRepository {
  findById(id: string): Promise<UserRecord | undefined>
  /** `email` is already normalised (trimmed, lower case). */
  findByEmail(email: string): Promise<UserRecord | undefined>
  create(user: NewUser): Promise<UserRecord>
  updatePasswordHash(id: string, passwordHash: string): Promise<void>
}

/** Keeps accounts in this process's memory: they are gone after a restart. */
export class InMemoryUserRepository implements UserRepository {
  private readonly users = new Map<string, UserRecord>();
  private readonly idsByEmail = new Map<string, string>();

  async findById(id: string): Promise<UserRecord | undefined> {
    const user = this.users.get(id)
    return user ? { ...user } : undefined
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    const id = this.idsByEmail.get(email)
    return id === undefined ? undefined : this.findById(id)
  }

  async create(user: NewUser): Promise<UserRecord> {
    if (this.idsByEmail.has(user.email)) throw new EmailTakenError(user.email)
    const now = new Date()
    const record: UserRecord = { ...user, id: randomUUID(), createdAt: now, updatedAt: now }
    this.users.set(record.id, record)
    this.idsByEmail.set(record.email, record.id)
    return { ...record }
  }

  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    const user = this.users.get(id)
    if (user) this.users.set(id, { ...user, passwordHash, updatedAt: new Date() })
  }
}
