import express from "express"
import { accountsRouter } from "./routes/accounts"
import { requestId } from "./middleware/request-id"
import { requestLogger } from "./middleware/logging"
import helmet from "helmet"
import { corsMiddleware } from "./middleware/cors"
import compression from "compression"
import { rateLimiter } from "./middleware/rate-limit"

const app = express()
app.use(requestId())
app.use(requestLogger)
app.use(helmet())
app.use(corsMiddleware())
app.use(compression())

app.use(express.json())
app.use(rateLimiter())
app.use("/accounts", accountsRouter)

export default app
