import { z } from 'zod'

export const pageSchema = z.coerce.number().int().min(1).max(100000).catch(1)
