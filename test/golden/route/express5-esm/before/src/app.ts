import express from "express"
import { projectsRouter } from "./routes/projects.js"

export function createApp() {
  const app = express()
  app.use(express.json())
  app.use("/api/projects", projectsRouter)
  return app
}
