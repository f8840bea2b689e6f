import express from "express"
import { accountsRouter } from "./routes/accounts"
import { errorHandler, notFoundHandler } from "./middleware/error-handler"

const app = express()

app.use(express.json())
app.use("/accounts", accountsRouter)
app.use(notFoundHandler)
app.use(errorHandler)

export default app
