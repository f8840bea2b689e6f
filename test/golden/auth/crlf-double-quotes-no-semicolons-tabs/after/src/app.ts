import express from "express"
import { accountsRouter } from "./routes/accounts"
import { errorHandler, notFoundHandler } from "./middleware/error-handler"
import { createNotesRouter } from "./routes/notes"
import { createAuthRouter } from "./routes/auth"

const app = express()

app.use(express.json())
app.use("/accounts", accountsRouter)
app.use("/api/v1/notes", createNotesRouter())
app.use("/api/v1/auth", createAuthRouter())
app.use(notFoundHandler)
app.use(errorHandler)

export default app
