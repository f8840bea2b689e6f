import { z } from 'zod/v4';

export const PingSchema = z.object({ message: z.string() });
