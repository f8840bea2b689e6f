import express from "express"
import { accountsRouter } from "./routes/accounts"

const app = express()

app.use(express.json())
app.use("/accounts", accountsRouter)

export default app
