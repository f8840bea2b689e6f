import { Router } from "express"
import { z } from "zod"
import { validate } from "../middleware/validate.js"

const GetProjectsSearchQuerySchema = z.object({
  q: z.string().min(1),
  page: z.coerce.number().int().optional(),
})

export const projectsRouter = Router()

projectsRouter.get("/", (_req, res) => {
  res.json({ data: [] })
})

/** GET /api/projects/search: answers 501 until implemented. Read the checked input with validated(res, 'query', GetProjectsSearchQuerySchema). */
projectsRouter.get("/search", validate({ query: GetProjectsSearchQuerySchema }), (_req, res) => {
  res.status(501).json({ error: { code: "NOT_IMPLEMENTED", message: "GET /api/projects/search is not implemented yet" } })
})
