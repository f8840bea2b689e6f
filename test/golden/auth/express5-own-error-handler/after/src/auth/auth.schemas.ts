import { z } from 'zod';

/** Roles a user can have; new accounts get `user`. */
export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The most characters a password may have: hashing cost grows with its length. */
export const MAX_PASSWORD_LENGTH = 128;

/** Emails are compared and stored trimmed and in lower case. */
const EmailSchema = z.string().trim().toLowerCase().pipe(z.email());

/** POST /register body. Unknown keys (a `role`, say) are dropped: every new account is a `user`. */
export const RegisterSchema = z.object({
  email: EmailSchema,
  password: z
    .string()
    .min(8, 'must be at least 8 characters')
    .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`),
});
export type RegisterInput = z.output<typeof RegisterSchema>;

/** POST /login body: no password rules here, so a login reveals nothing about them. */
export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});
export type LoginInput = z.output<typeof LoginSchema>;

/** POST /refresh body. */
export const RefreshSchema = z.object({
  refreshToken: z.string().min(1),
});
export type RefreshInput = z.output<typeof RefreshSchema>;

/** A user as the API returns it: never the password hash. */
export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof UserSchema>;

/** A new access token and refresh token (POST /refresh); lifetimes in seconds. */
export const TokenPairSchema = z.object({
  tokenType: z.literal('Bearer'),
  accessToken: z.string(),
  expiresIn: z.number().int().positive(),
  refreshToken: z.string(),
  refreshExpiresIn: z.number().int().positive(),
});
export type TokenPair = z.infer<typeof TokenPairSchema>;

/** POST /login answer: the tokens and the user they belong to. */
export const LoginResultSchema = TokenPairSchema.extend({
  user: UserSchema,
});
export type LoginResult = z.infer<typeof LoginResultSchema>;
