import { runRuleTests } from '../../../test/helpers/rule-tester';
import rule from './error-details-leak';

/** A `sendError(res, message, statusCode = 500, error?)` helper that spreads the error into the body when given one. */
const SEND_ERROR_HELPER: Record<string, string> = {
  'src/utils/response.ts': `import type { Response } from 'express';

export const sendError = (res: Response, message = 'Something went wrong', statusCode = 500, error?: unknown) => {
  return res.status(statusCode).json({ success: false, message, ...(error ? { error } : {}) });
};
`,
};

runRuleTests(rule, {
  valid: [
    {
      name: 'a named error middleware declared with three parameters (err, req, res): Express never hands it an error',
      flavour: 'express5',
      filename: 'src/middleware/errorHandler.ts',
      code: `import type { Request, Response } from 'express';

export function errorHandler(err: any, req: Request, res: Response) {
  console.error(err);
  res.status(err.status || 500).json({ message: err.message || 'Something went wrong' });
}
`,
    },
    {
      name: 'a three-parameter (err, req, res) middleware: Express hands it the request, so no error is sent (missing-error-handler reports it)',
      flavour: 'express4',
      filename: 'src/app.ts',
      code: `import express from 'express';
import { sendError } from './utils/response';

const app = express();
app.use((err: any, req: any, res: any) => {
  return sendError(res, err.message || 'Internal Server Error', err.statusCode || 500);
});

export default app;
`,
      files: {
        'src/utils/response.ts': `import type { Response } from 'express';

export const sendError = (res: Response, message = 'Something went wrong', statusCode = 500) => res.status(statusCode).json({ success: false, message });
`,
      },
    },
    {
      name: 'an imported fail(res, statusCode, message) helper given the message of deliberate HttpErrors only',
      flavour: 'express4',
      filename: 'src/middleware/errorHandler.ts',
      code: `import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../utils/httpError';
import { fail } from '../utils/response';

export const errorHandler = (err: Error, req: Request, res: Response, next: NextFunction) => {
  let statusCode = 500;
  let message = 'Error occurred';
  if (err instanceof HttpError) {
    message = err.message;
    statusCode = err.statusCode;
  }
  console.error(err);
  fail(res, statusCode, message);
};
`,
      files: {
        'src/utils/response.ts': `import type { Response } from 'express';

export const fail = (res: Response, status: number, msg = '') => res.status(status || 500).json({ success: false, message: msg || 'Failed' });
`,
        'src/utils/httpError.ts': `export class HttpError extends Error {
  constructor(public statusCode: number, message: string) {
    super(message);
  }
}
`,
      },
    },
    {
      name: 'sendErrorProd sending the message of operational errors only, after its caller fell back to 500',
      flavour: 'express4',
      filename: 'src/controllers/errorController.js',
      code: `const sendErrorProd = (err, res) => {
  if (err.isOperational) {
    res.status(err.statusCode).json({ status: err.status, message: err.message });
  } else {
    console.error('ERROR', err);
    res.status(500).json({ status: 'error', message: 'Something went very wrong!' });
  }
};

module.exports = (err, req, res, next) => {
  err.statusCode = err.statusCode || 500;
  err.status = err.status || 'error';
  sendErrorProd(err, res);
};
`,
    },
    {
      name: 'a sign-in form rendered again with the error that turned it down (no server status)',
      flavour: 'express4',
      filename: 'src/controllers/auth.js',
      code: `exports.login = async (req, res) => {
  try {
    const user = await users.login(req.body.user, req.body.pass);
    req.session.userId = user.id;
    res.redirect('/');
  } catch (err) {
    res.render('legacy/login', { err, strategies: await users.strategies() });
  }
};
`,
    },
    {
      name: 'the error page rendered with the raw error only in development (express-generator)',
      flavour: 'express4',
      filename: 'app.js',
      code: `const express = require('express');
const app = express();

app.use(function (err, req, res, next) {
  res.locals.message = err.message;
  res.locals.error = req.app.get('env') === 'development' ? err : {};
  res.status(err.status || 500);
  res.render('error');
});

app.use(function (err, req, res, next) {
  res.status(err.status || 500);
  res.render('error', { error: req.app.get('env') === 'development' ? err : {} });
});

module.exports = app;
`,
    },
    {
      name: 'project helpers that keep only safe fields of the error, or send its message with a 4xx',
      flavour: 'fastify5',
      filename: 'src/routes/records.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { handleError } from '../utils/error';
import { records } from '../services/records';

function formatError(err: any) {
  return { ok: false, code: err.code ?? 'INTERNAL' };
}

export default async function routes(app: FastifyInstance) {
  app.get('/records', async (request, reply) => {
    try {
      return await records.list();
    } catch (err: any) {
      return reply.code(500).send(formatError(err));
    }
  });
  app.post('/records', async (request, reply) => {
    try {
      return await records.add(request.body);
    } catch (err: any) {
      return handleError(reply, 409, err);
    }
  });
}
`,
      files: {
        'src/utils/error.ts': `import type { FastifyReply } from 'fastify';

export const handleError = (reply: FastifyReply, statusCode: number, error: Error) => {
  reply.code(statusCode).send({ error: 'Request failed', details: error.message });
};
`,
      },
    },
    {
      name: 'an unrecognised error rewrapped in the project error class with a generic message',
      flavour: 'express4',
      esm: true,
      filename: 'src/middlewares/error.middleware.js',
      code: `import { ApiError } from '../utils/ApiError.js';

const errorHandler = (err, req, res, next) => {
  let error = err;
  if (!(error instanceof ApiError)) {
    console.error(err);
    error = new ApiError(500, 'Something went wrong');
  }
  return res.status(error.statusCode).json({ success: false, message: error.message });
};

export { errorHandler };
`,
    },
    {
      name: 'the message kept for operational errors (a flag held in a const with a false default) or outside production',
      flavour: 'express5',
      filename: 'src/middleware/error-handler.ts',
      code: `import type { NextFunction, Request, Response } from 'express';

export function errorHandler(err: any, _req: Request, res: Response, _next: NextFunction) {
  const isProd = process.env.NODE_ENV === 'production';
  const status = err.status ?? 500;
  const message = err.message ?? 'An unexpected error occurred';
  const isSafe = err.isOperational ?? false;

  console.error(err);
  res.status(status).json({
    success: false,
    error: {
      status,
      message: isSafe || !isProd ? message : 'An unexpected error occurred',
      ...(!isProd && { stack: err.stack }),
    },
  });
}
`,
    },
    {
      name: 'an upstream\'s 4xx answer passed on with its own status and message (a proxy, not a crash)',
      flavour: 'express4',
      filename: 'src/routes/geo.js',
      code: `const express = require('express');
const axios = require('axios');

const router = express.Router();

router.get('/lookup', async (req, res, next) => {
  try {
    const { data } = await axios.get('https://geo.example/v2/lookup', { params: { ip: req.ip } });
    res.json(data);
  } catch (err) {
    if (err.response && err.response.status < 500) {
      return res.status(err.response.status).json({ message: err.response.data.message });
    }
    next(err);
  }
});

module.exports = router;
`,
    },
  {
    name: "express-generator's inline development error handler, registered under app.get('env') === 'development'",
    flavour: 'express4',
    filename: 'app.js',
    code: `var express = require('express');
var app = express();

if (app.get('env') === 'development') {
  app.use(function(err, req, res, next) {
    res.status(err.status || 500);
    res.json({ message: err.message, error: err });
  });
}

app.use(function(err, req, res, next) {
  res.status(err.status || 500);
  res.json({ message: 'Internal Server Error' });
});

module.exports = app;
`,
  },
  {
    name: 'a message variable every path replaces (a switch with a default), or replaced in production for unexpected errors',
    flavour: 'express4',
    filename: 'src/middlewares/error.ts',
    code: `import type { NextFunction, Request, Response } from 'express';

export function errorHandler(err: Error & { code?: string; isOperational?: boolean }, _req: Request, res: Response, _next: NextFunction) {
  let message = err.message;
  switch (err.code) {
    case 'E_DUPLICATE':
      message = 'Already exists';
      break;
    default:
      message = 'Internal server error';
  }
  res.status(500).json({ message });
}

export function productionErrors(err: Error & { isOperational?: boolean }, _req: Request, res: Response, _next: NextFunction) {
  let message = err.message;
  if (process.env.NODE_ENV === 'production' && !err.isOperational) message = 'Something went wrong';
  res.status(500).json({ message });
}
`,
  },
  {
    name: 'a message variable replaced for every error that is not a recognised one keeps err.message only for those',
    flavour: 'express4',
    filename: 'src/middlewares/error.middleware.ts',
    code: `import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';

export default (err: Error, _req: Request, res: Response, _next: NextFunction): void => {
  let status = 400;
  let message = err.message;
  if (!(err instanceof AppError)) {
    status = 500;
    message = 'Something went wrong';
  }
  res.status(status).send({ message });
};
`,
  },
  {
    name: '@fastify/sensible: a thrown 4xx httpError may carry the message; a thrown 5xx with a fixed message leaks nothing',
    flavour: 'fastify5',
    filename: 'src/routes/reports.js',
    code: `export default async function reports(fastify) {
  fastify.post('/reports', async (request, reply) => {
    try {
      return await fastify.reports.generate(request.body);
    } catch (err) {
      if (err.code === 'INVALID_RANGE') throw fastify.httpErrors.badRequest(err.message);
      request.log.error(err);
      throw fastify.httpErrors.createError(500, 'Report generation failed');
    }
  });
}
`,
  },
  {
    name: 'the message overwritten by a generic one for server errors before the body is sent',
    flavour: 'fastify5',
    filename: 'src/plugins/error-handler.ts',
    code: `import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

export default fp(async (fastify: FastifyInstance) => {
  fastify.setErrorHandler((err, request, reply) => {
    const statusCode = err.statusCode || 500;
    const body = { statusCode, message: err.message || 'Unexpected error', requestId: request.id };
    if (statusCode >= 500) {
      request.log.error(err);
      body.message = 'Internal server error';
    }
    reply.code(statusCode).send(body);
  });
});
`,
  },
  {
    name: 'a stack-sending handler picked only when not in production',
    flavour: 'express4',
    filename: 'src/app.js',
    code: `const express = require('express');
const routes = require('./routes');

const IS_PROD = process.env.NODE_ENV === 'production';
const app = express();
app.use('/api', routes);

const serverErrorInProd = (err, req, res, next) => {
  res.status(500).send('Internal Server Error');
};
const serverErrorInDev = (err, req, res, next) => {
  res.status(500).send(err.stack);
};
app.use(IS_PROD ? serverErrorInProd : serverErrorInDev);

module.exports = app;
`,
  },
  {
    name: '@fastify/sensible: a client error helper may carry the message',
    flavour: 'fastify5',
    filename: 'src/routes/users.js',
    code: `module.exports = async function (fastify) {
  fastify.post('/users', async (request, reply) => {
    try {
      return await fastify.users.create(request.body);
    } catch (err) {
      if (err.code === 'P2002') return reply.conflict(err.message);
      return reply.badRequest(err.message);
    }
  });
};
`,
  },
  {
    name: 'a helper written in this file that logs the message and sends a generic body',
    flavour: 'express4',
    filename: 'src/routes/reports.js',
    code: `const express = require('express');
const reports = require('../services/reports');

const router = express.Router();

function sendFailure(res, message, status) {
  console.error(message);
  res.status(status).json({ message: 'Internal error' });
}

router.get('/reports', async (req, res) => {
  try {
    res.json(await reports.list());
  } catch (err) {
    sendFailure(res, err.message, 500);
  }
});

module.exports = router;
`,
  },
  {
    name: 'the old { err: err, data } answer after if (err) return: the error is empty there',
    flavour: 'express4',
    filename: 'routes/token.js',
    code: `var tokens = require('../lib/tokens');

module.exports = function (app) {
  app.get('/api/token/:openid', function (req, res) {
    tokens.getToken(req.params.openid, function (err, data) {
      if (err) {
        console.error(err);
        return res.status(500).send({ err: 'token service failed', token: null });
      }
      return res.send({ err: err, token: data });
    });
  });
};
`,
  },
  {
    name: 'error middleware registered only in development, in this file and by the name of the usual template',
    flavour: 'express4',
    filename: 'src/app.js',
    code: `const express = require('express');
const errorHandlers = require('./handlers/errorHandlers');

const app = express();
app.get('/items', async (req, res, next) => next(new Error('boom')));
const showStack = (err, req, res, next) => {
  res.status(err.status || 500).json({ message: err.message, stack: err.stack });
};
if (app.get('env') === 'development') {
  app.use(showStack);
}
app.use(errorHandlers.productionErrors);
module.exports = app;
`,
  },
  {
    name: 'the developmentErrors handler of the usual errorHandlers module',
    flavour: 'express4',
    filename: 'src/handlers/errorHandlers.js',
    code: `exports.developmentErrors = (err, req, res, next) => {
  err.stack = err.stack || '';
  res.status(err.status || 500).json({ message: err.message, stack: err.stack });
};

exports.productionErrors = (err, req, res, next) => {
  res.status(err.status || 500).json({ message: 'Internal error' });
};
`,
  },
  {
    name: "message of a deliberate 4xx response",
    flavour: 'express4',
    filename: 'src/routes/users.ts',
    code: `import { Router } from 'express';
import { createUser } from '../services/users';

const router = Router();

router.post('/users', async (req, res) => {
  try {
    const user = await createUser(req.body);
    res.status(201).json(user);
  } catch (err: any) {
    res.status(400).json({ message: err.message });
  }
});

export default router;
`,
  },
  {
    name: "HttpError and ZodError branches",
    flavour: 'express5',
    filename: 'src/middleware/error-handler.ts',
    code: `import type { NextFunction, Request, Response } from 'express';
import { ZodError } from 'zod';
import { HttpError } from '../errors/http-error';

export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction) {
  if (err instanceof HttpError) {
    return res.status(err.statusCode).json({ message: err.message });
  }
  if (err instanceof ZodError) return res.status(422).json({ message: err.message, issues: err.issues });
  console.error(err);
  res.status(500).json({ message: 'Internal server error' });
}
`,
  },
  {
    name: "ValidationError branch in a catch block",
    flavour: 'express4',
    filename: 'src/controllers/product.controller.js',
    code: `const { ValidationError } = require('../errors');
const productService = require('../services/product.service');

exports.update = async (req, res) => {
  try {
    res.json(await productService.update(req.params.id, req.body));
  } catch (err) {
    if (err instanceof ValidationError) {
      return res.status(err.status || 500).json({ message: err.message, details: err.details });
    }
    res.status(500).json({ message: 'Could not update the product' });
  }
};
`,
  },
  {
    name: "statusCode below 500 guard",
    flavour: 'express4',
    filename: 'src/app.js',
    code: `const express = require('express');
const app = express();

app.use((err, req, res, next) => {
  const status = err.statusCode || 500;
  if (status < 500) {
    return res.status(status).json({ message: err.message });
  }
  res.status(status).json({ message: 'Something went wrong' });
});

module.exports = app;
`,
  },
  {
    name: "expose decides between the message and a generic text",
    flavour: 'express5',
    filename: 'src/app.js',
    code: `const express = require('express');
const app = express();

app.use(function (err, req, res, next) {
  res.status(err.status || 500).json({ message: err.expose ? err.message : 'Internal Server Error' });
});

module.exports = app;
`,
  },
  {
    name: "stack only outside production",
    flavour: 'express4',
    filename: 'src/middleware/errors.js',
    code: `module.exports = function errorHandler(err, req, res, next) {
  res.status(err.status || 500);
  res.json({
    message: err.expose ? err.message : 'Internal Server Error',
    ...(process.env.NODE_ENV !== 'production' && { stack: err.stack }),
  });
};
`,
  },
  {
    name: "app.get('env') === 'development' branch",
    flavour: 'express4',
    filename: 'src/app.js',
    code: `const express = require('express');
const app = express();

app.use((err, req, res, next) => {
  if (req.app.get('env') === 'development') {
    return res.status(500).json({ message: err.message, stack: err.stack });
  }
  res.status(500).json({ message: 'Internal Server Error' });
});

module.exports = app;
`,
  },
  {
    name: "isDev flag in a Fastify error handler",
    flavour: 'fastify4',
    filename: 'src/plugins/error-handler.ts',
    code: `import type { FastifyInstance } from 'fastify';

const isDev = process.env.NODE_ENV === 'development';

export default async function errorHandler(fastify: FastifyInstance) {
  fastify.setErrorHandler((error, request, reply) => {
    request.log.error(error);
    const statusCode = error.statusCode ?? 500;
    reply.status(statusCode).send({
      message: statusCode >= 500 ? 'Internal Server Error' : error.message,
      stack: isDev ? error.stack : undefined,
    });
  });
}
`,
  },
  {
    name: "logging the error is not sending it",
    flavour: 'express4',
    filename: 'src/routes/reports.js',
    code: `const router = require('express').Router();
const logger = require('../lib/logger');

router.get('/reports', async (req, res) => {
  try {
    res.json(await loadReports());
  } catch (err) {
    console.error(err);
    logger.error({ err }, 'loading reports failed');
    res.status(500).json({ message: 'Could not load reports' });
  }
});

module.exports = router;
`,
  },
  {
    name: "Fastify reply.send(err) is the framework error path",
    flavour: 'fastify5',
    filename: 'src/routes/items.ts',
    code: `import type { FastifyInstance } from 'fastify';

export default async function items(fastify: FastifyInstance) {
  fastify.get('/items', (request, reply) => {
    fastify.db.items.findMany().then((rows) => reply.send(rows)).catch((err) => reply.send(err));
  });
  fastify.get('/items/:id', async (request, reply) => {
    try {
      return await fastify.db.items.findById(request.params);
    } catch (err) {
      reply.code(500).send(err);
    }
  });
  fastify.setErrorHandler((error, request, reply) => {
    request.log.error(error);
    reply.send(error);
  });
}
`,
  },
  {
    name: "operational errors only in production",
    flavour: 'express4',
    filename: 'src/middlewares/error.js',
    code: `const httpStatus = require('http-status');
const config = require('../config/config');

const errorHandler = (err, req, res, next) => {
  let { statusCode, message } = err;
  if (config.env === 'production' && !err.isOperational) {
    statusCode = httpStatus.INTERNAL_SERVER_ERROR;
    message = httpStatus[httpStatus.INTERNAL_SERVER_ERROR];
  }
  const response = {
    code: statusCode,
    message,
    ...(config.env === 'development' && { stack: err.stack }),
  };
  res.status(statusCode).send(response);
};

module.exports = { errorHandler };
`,
  },
  {
    name: "early return for unknown errors",
    flavour: 'express5',
    filename: 'src/middleware/app-error.ts',
    code: `import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors';
import { logger } from '../logger';

export const appErrorHandler = (err: unknown, req: Request, res: Response, _next: NextFunction) => {
  if (!(err instanceof AppError)) {
    logger.error(err);
    return res.status(500).json({ message: 'Internal server error' });
  }
  res.status(err.statusCode).json({ message: err.message });
};
`,
  },
  {
    name: "errors recognised by message or code",
    flavour: 'express4',
    filename: 'src/routes/orders.js',
    code: `const router = require('express').Router();
const orders = require('../services/orders');

router.delete('/:id', async (req, res) => {
  try {
    await orders.remove(req.params.id);
    res.sendStatus(204);
  } catch (err) {
    if (err.message === 'NOT_FOUND') return res.status(404).json({ message: err.message });
    if (err.code === 'P2003') return res.status(409).json({ message: err.message });
    res.status(500).json({ message: 'Internal error' });
  }
});

module.exports = router;
`,
  },
  {
    name: "values that are not caught errors",
    flavour: 'express4',
    filename: 'src/routes/jobs.js',
    code: `const router = require('express').Router();

router.post('/jobs', async (req, res) => {
  const result = await runJob(req.body);
  if (result.error) return res.status(500).json({ message: result.error.message });
  const error = new Error('Job finished with warnings');
  res.json({ message: error.message, warnings: result.warnings });
});

module.exports = router;
`,
  },
  {
    name: "sanitised messages and statuses syntax cannot tell",
    flavour: 'express4',
    filename: 'src/routes/payments.js',
    code: `const router = require('express').Router();

router.post('/payments', async (req, res) => {
  try {
    res.status(201).json(await pay(req.body));
  } catch (e) {
    res.status(statusFor(e)).json({ error: toSafeMessage(e) });
  }
});

router.post('/refunds', async (req, res) => {
  try {
    res.status(201).json(await refund(req.body));
  } catch (e) {
    res.status(e.statusCode).json({ error: e.message });
  }
});

module.exports = router;
`,
  },
  {
    name: "stack deleted from the payload outside development",
    flavour: 'express4',
    filename: 'src/api/middlewares/error.js',
    code: `const httpStatus = require('http-status');
const { env } = require('../../config/vars');

const handler = (err, req, res, next) => {
  const response = {
    code: err.status,
    message: err.message || httpStatus[err.status],
    errors: err.errors,
    stack: err.stack,
  };
  if (env !== 'development') {
    delete response.stack;
  }
  res.status(err.status);
  res.json(response);
};

module.exports = { handler };
`,
  },
  {
    name: 'Fastify: res.send(err) in a decorated hook whose reply parameter is called res',
    flavour: 'fastify5',
    filename: 'src/plugins/auth.js',
    code: `const fp = require('fastify-plugin');

module.exports = fp(async function (fastify) {
  fastify.decorate('authenticate', async function authenticate(req, res) {
    try {
      await req.jwtVerify();
    } catch (err) {
      res.send(err);
    }
  });
});
`,
  },
  {
    name: 'a stack sent by a helper the error handler calls only in development',
    flavour: 'express4',
    filename: 'src/middlewares/errorMiddleware.js',
    code: `const sendErrorDev = (err, res) => {
  res.status(err.statusCode).json({ status: err.status, message: err.message, stack: err.stack });
};

function sendErrorProd(err, res) {
  if (err.isOperational) return res.status(err.statusCode).json({ status: err.status, message: err.message });
  console.error(err);
  res.status(500).json({ status: 'error', message: 'Something went wrong' });
}

module.exports = (err, req, res, next) => {
  err.statusCode = err.statusCode || 500;
  if (process.env.NODE_ENV === 'development') sendErrorDev(err, res);
  else sendErrorProd(err, res);
};
`,
  },
  {
    name: 'the raw error sent only when the deployment turns on a stack-trace switch',
    flavour: 'express4',
    filename: 'lib/error-handler.js',
    code: `const config = require('./config');

module.exports = (err, req, res, next) => {
  res.status(500).json({ message: 'Internal error', error: config.sendStacktracesToClient ? err : {} });
};
`,
  },
  {
    name: 'an error object whose message is replaced for every error the app did not raise itself',
    flavour: 'express4',
    filename: 'middleware/error-handler.js',
    code: `const { CustomAPIError } = require('../errors');

const errorHandlerMiddleware = (err, req, res, next) => {
  let customError = { statusCode: err.statusCode || 500, msg: err.message };
  if (!(err instanceof CustomAPIError)) {
    customError.msg = 'Something went wrong, try again later';
  }
  return res.status(customError.statusCode).json({ msg: customError.msg });
};

module.exports = errorHandlerMiddleware;
`,
  },
  {
    name: 'a local error object whose status is set again to a 4xx before it is sent',
    flavour: 'express4',
    filename: 'src/middlewares/error.middleware.js',
    code: `module.exports = function errorMiddleware(err, req, res, next) {
  const errorObj = { status: err.status || 500, message: err.message };
  if (err.name === 'ValidationError') errorObj.status = 422;
  else delete errorObj.message;
  res.status(errorObj.status).json({ success: false, message: errorObj.message });
};
`,
  },
  ],
  invalid: [
    {
      name: 'a driver error\'s own message, under a 400, guarded by the driver error being there',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const { Recipe } = require('./models');

const app = express();

app.get('/recipes/:id', async (req, res, next) => {
  try {
    res.json(await Recipe.findByPk(req.params.id));
  } catch (err) {
    if (err.name === 'SequelizeDatabaseError') {
      return res.status(400).json({ message: 'Invalid request', detail: err.original && err.original.message });
    }
    next(err);
  }
});

app.use((err, req, res, next) => res.status(500).json({ message: 'Internal error' }));
`,
      errors: [{ line: 11, column: 14, message: 'The driver internals `err.original.message` of an error are sent to the client; keep them in the server logs and leave them out of the response.' }],
      output: `const express = require('express');
const { Recipe } = require('./models');

const app = express();

app.get('/recipes/:id', async (req, res, next) => {
  try {
    res.json(await Recipe.findByPk(req.params.id));
  } catch (err) {
    if (err.name === 'SequelizeDatabaseError') {
      return res.status(400).json({ message: 'Invalid request' });
    }
    next(err);
  }
});

app.use((err, req, res, next) => res.status(500).json({ message: 'Internal error' }));
`,
    },
    {
      name: 'the raw error sent with Express 4\'s deprecated status-first signature, res.send(500, err)',
      flavour: 'express4',
      filename: 'routes/books.js',
      code: `var express = require('express');
var Book = require('../models/book');
var router = express.Router();

router.get('/', function (req, res) {
  Book.find({}).exec(function (err, books) {
    if (err) return res.send(500, err);
    res.send(books);
  });
});

module.exports = router;
`,
      errors: [{ line: 7, column: 21, endLine: 7, endColumn: 39 }],
      output: `var express = require('express');
var Book = require('../models/book');
var router = express.Router();

router.get('/', function (req, res) {
  Book.find({}).exec(function (err, books) {
    if (err) {
      console.error(err);
      return res.send(500, { error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
    }
    res.send(books);
  });
});

module.exports = router;
`,
    },
    {
      name: 'an upstream\'s response body behind a presence check written with && (err.response && err.response.data)',
      flavour: 'express4',
      filename: 'src/routes/sync.js',
      code: `const router = require('express').Router();
const axios = require('axios');

router.post('/:id/sync', async (req, res) => {
  try {
    const { data } = await axios.post('https://api.github.com/repos/acme/board/issues', { title: req.params.id });
    res.json({ issue: data.number });
  } catch (err) {
    res.status(502).json({ error: 'GitHub sync failed', upstream: err.response && err.response.data });
  }
});

module.exports = router;
`,
      errors: [{ line: 9, column: 5, endLine: 9, endColumn: 103 }],
      output: `const router = require('express').Router();
const axios = require('axios');

router.post('/:id/sync', async (req, res) => {
  try {
    const { data } = await axios.post('https://api.github.com/repos/acme/board/issues', { title: req.params.id });
    res.json({ issue: data.number });
  } catch (err) {
    console.error(err);
    res.status(502).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
  }
});

module.exports = router;
`,
    },
    {
      name: 'the message handed to an imported sendError helper that falls back to status 500',
      flavour: 'express4',
      filename: 'src/controllers/payroll.controller.ts',
      code: `import type { Request, Response } from 'express';
import { Payslip } from '../models';
import { sendError } from '../utils/response';

export const listPayslips = async (req: Request, res: Response) => {
  try {
    res.json(await Payslip.findAll({ where: { employeeId: req.params.employeeId } }));
  } catch (error: any) {
    return sendError(res, error.message);
  }
};
`,
      errors: [{ line: 9, column: 12, endLine: 9, endColumn: 41 }],
      files: SEND_ERROR_HELPER,
    },
    {
      name: 'the whole error handed to a helper that spreads it into the body when there is one, with 500',
      flavour: 'express4',
      filename: 'src/controllers/employee.controller.ts',
      code: `import type { Request, Response } from 'express';
import { Employee } from '../models';
import { sendError } from '../utils/response';

export const listEmployees = async (req: Request, res: Response) => {
  try {
    res.json(await Employee.findAll());
  } catch (error) {
    return sendError(res, 'Failed to fetch employees', 500, error);
  }
};
`,
      errors: [{ line: 9, column: 12, endLine: 9, endColumn: 67 }],
      files: SEND_ERROR_HELPER,
    },
    {
      name: 'an imported fail(res, statusCode, message) helper given a status that stays 500 for every unexpected error',
      flavour: 'express4',
      filename: 'src/middleware/errorHandler.ts',
      code: `import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../utils/httpError';
import { fail } from '../utils/response';

export const errorHandler = (err: Error, req: Request, res: Response, next: NextFunction) => {
  let statusCode = 500;
  let message = 'Error occurred';
  if (err instanceof HttpError) {
    message = err.message;
    statusCode = err.statusCode;
  } else if (err instanceof Error) {
    message = err.message;
  }
  console.error(err);
  fail(res, statusCode, message);
};
`,
      errors: [{ line: 15, column: 3, endLine: 15, endColumn: 33 }],
      files: {
        'src/utils/response.ts': `import type { Response } from 'express';

export const fail = (res: Response, status: number, msg = '') => res.status(status || 500).json({ success: false, message: msg || 'Failed' });
`,
        'src/utils/httpError.ts': `export class HttpError extends Error {
  constructor(public statusCode: number, message: string) {
    super(message);
  }
}
`,
      },
    },
    {
      name: 'sendErrorProd sending the message with the status its only caller fell back to 500 (err.statusCode = err.statusCode || 500)',
      flavour: 'express4',
      filename: 'src/controllers/errorController.js',
      code: `const sendErrorDev = (err, res) => {
  res.status(err.statusCode).json({ status: err.status, error: err, message: err.message, stack: err.stack });
};

const sendErrorProd = (err, res) => {
  res.status(err.statusCode).json({ status: err.status, message: err.message });
};

module.exports = (err, req, res, next) => {
  err.statusCode = err.statusCode || 500;
  err.status = err.status || 'error';
  if (process.env.NODE_ENV === 'development') {
    sendErrorDev(err, res);
  } else {
    sendErrorProd(err, res);
  }
};
`,
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 80 }],
      output: `const sendErrorDev = (err, res) => {
  res.status(err.statusCode).json({ status: err.status, error: err, message: err.message, stack: err.stack });
};

const sendErrorProd = (err, res) => {
  console.error(err);
  res.status(err.statusCode).json(err.statusCode >= 500 ? { error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } } : { status: err.status, message: err.message });
};

module.exports = (err, req, res, next) => {
  err.statusCode = err.statusCode || 500;
  err.status = err.status || 'error';
  if (process.env.NODE_ENV === 'development') {
    sendErrorDev(err, res);
  } else {
    sendErrorProd(err, res);
  }
};
`,
    },
    {
      name: 'Node\'s res.writeHead(500) then res.end() with the message in an error middleware',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');

const app = express();
app.use('/api/items', require('./routes/items'));
app.use((err, req, res, next) => {
  res.writeHead(500, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error: 'Internal Server Error', detail: err.message }));
});

module.exports = app;
`,
      errors: [{ line: 7, column: 3, endLine: 7, endColumn: 83 }],
    },
    {
      name: 'the message written into a CSV stream piped to the response: the pipe set no status',
      flavour: 'express4',
      filename: 'src/routes/exports.js',
      code: `const { PassThrough } = require('stream');
const router = require('express').Router();
const { loadRows } = require('../services/reports');

router.get('/export.csv', async (req, res) => {
  const csv = new PassThrough();
  csv.pipe(res);
  try {
    for (const row of await loadRows()) csv.write(row.join(',') + '\n');
    csv.end();
  } catch (err) {
    res.write(\`\\n# export failed: \${err.message}\\n\`);
    res.end();
  }
});

module.exports = router;
`,
      errors: [{ line: 13, column: 5, endLine: 13, endColumn: 53 }],
    },
    {
      name: 'the SQL text of a failed query sent with a 400: driver internals are no client error',
      flavour: 'express4',
      filename: 'src/routes/reports.js',
      code: `const express = require('express');
const { sequelize } = require('../db');

const router = express.Router();

router.get('/sales', async (req, res) => {
  try {
    const [rows] = await sequelize.query('SELECT region, SUM(total) AS total FROM orders GROUP BY region');
    res.json(rows);
  } catch (err) {
    res.status(400).json({ message: 'Report failed', query: err.sql });
  }
});

module.exports = router;
`,
      errors: [{ line: 11, column: 5, endLine: 11, endColumn: 71 }],
      output: `const express = require('express');
const { sequelize } = require('../db');

const router = express.Router();

router.get('/sales', async (req, res) => {
  try {
    const [rows] = await sequelize.query('SELECT region, SUM(total) AS total FROM orders GROUP BY region');
    res.json(rows);
  } catch (err) {
    res.status(400).json({ message: 'Report failed' });
  }
});

module.exports = router;
`,
    },
    {
      name: 'the upstream\'s body (axios err.response.data) handed to a response envelope and sent with 502',
      flavour: 'express4',
      esm: true,
      filename: 'src/controllers/jokes.js',
      code: `import axios from 'axios';
import { ApiResponse } from '../utils/ApiResponse.js';

export const randomJoke = (req, res) =>
  axios
    .get('https://official-joke-api.appspot.com/random_joke', { timeout: 3000 })
    .then(({ data }) => res.status(200).json(new ApiResponse(200, data, 'Joke fetched')))
    .catch((err) => res.status(502).json(new ApiResponse(502, err.response?.data, 'Joke service unavailable')));
`,
      errors: [{ line: 8, column: 21, endLine: 8, endColumn: 111 }],
      output: `import axios from 'axios';
import { ApiResponse } from '../utils/ApiResponse.js';

export const randomJoke = (req, res) =>
  axios
    .get('https://official-joke-api.appspot.com/random_joke', { timeout: 3000 })
    .then(({ data }) => res.status(200).json(new ApiResponse(200, data, 'Joke fetched')))
    .catch((err) => {
      console.error(err);
      return res.status(502).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
    });
`,
    },
    {
      name: 'the error page rendered with the raw error and no development check',
      flavour: 'express4',
      filename: 'app.js',
      code: `const express = require('express');
const path = require('path');
const indexRouter = require('./routes/index');

const app = express();
app.set('views', path.join(__dirname, 'views'));
app.set('view engine', 'pug');
app.use('/', indexRouter);

app.use(function (err, req, res, next) {
  res.status(err.status || 500);
  res.render('error', { message: err.message, error: err });
});

module.exports = app;
`,
      errors: [{ line: 12, column: 3, endLine: 12, endColumn: 60 }],
    },
    {
      name: 'a same-file helper that copies the error\'s message into the 500 body',
      flavour: 'express4',
      filename: 'src/routes/uploads.js',
      code: `const router = require('express').Router();
const { processUpload } = require('../services/uploads');

function formatError(err) {
  return { ok: false, message: err.message, name: err.name };
}

router.post('/uploads/:id/process', async (req, res) => {
  try {
    res.json({ ok: true, result: await processUpload(req.params.id) });
  } catch (err) {
    res.status(500).json(formatError(err));
  }
});

module.exports = router;
`,
      errors: [{ line: 12, column: 5, endLine: 12, endColumn: 43 }],
      output: `const router = require('express').Router();
const { processUpload } = require('../services/uploads');

function formatError(err) {
  return { ok: false, message: err.message, name: err.name };
}

router.post('/uploads/:id/process', async (req, res) => {
  try {
    res.json({ ok: true, result: await processUpload(req.params.id) });
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
  }
});

module.exports = router;
`,
    },
    {
      name: 'the caught error handed with a 500 to an imported helper that sends its message',
      flavour: 'fastify5',
      filename: 'src/routes/records.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { handleError } from '../utils/error';
import { records } from '../services/records';

export default async function routes(app: FastifyInstance) {
  app.get('/records', async (request, reply) => {
    try {
      return await records.list();
    } catch (err: any) {
      return handleError(reply, 500, err);
    }
  });
}
`,
      files: {
        'src/utils/error.ts': `import type { FastifyReply } from 'fastify';

export const handleError = (reply: FastifyReply, statusCode: number, error: Error) => {
  console.error(error);
  reply.code(statusCode).send({ error: 'An error occurred', details: error.message });
};
`,
      },
      errors: [{ line: 10, column: 14, endLine: 10, endColumn: 42 }],
    },
    {
      name: 'an unrecognised error rewrapped in the project error class with its own message and a 500 fallback, then spread into the body',
      flavour: 'express4',
      esm: true,
      filename: 'src/middlewares/error.middleware.js',
      code: `import mongoose from 'mongoose';
import { ApiError } from '../utils/ApiError.js';

const errorHandler = (err, req, res, next) => {
  let error = err;
  if (!(error instanceof ApiError)) {
    const statusCode = error.statusCode || error instanceof mongoose.Error ? 400 : 500;
    const message = error.message || 'Something went wrong';
    error = new ApiError(statusCode, message, error?.errors || [], err.stack);
  }
  const response = {
    ...error,
    message: error.message,
    ...(process.env.NODE_ENV === 'development' ? { stack: error.stack } : {}),
  };
  return res.status(error.statusCode).json(response);
};

export { errorHandler };
`,
      errors: [{ line: 16, column: 10, endLine: 16, endColumn: 53 }],
      output: `import mongoose from 'mongoose';
import { ApiError } from '../utils/ApiError.js';

const errorHandler = (err, req, res, next) => {
  let error = err;
  if (!(error instanceof ApiError)) {
    const statusCode = error.statusCode || error instanceof mongoose.Error ? 400 : 500;
    const message = error.message || 'Something went wrong';
    error = new ApiError(statusCode, message, error?.errors || [], err.stack);
  }
  const response = {
    ...error,
    message: error.message,
    ...(process.env.NODE_ENV === 'development' ? { stack: error.stack } : {}),
  };
  console.error(error);
  return res.status(error.statusCode).json(error.statusCode >= 500 ? { error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } } : response);
};

export { errorHandler };
`,
    },
  {
    name: 'the upstream response destructured from an axios rejection, sent as the answer',
    flavour: 'express4',
    filename: 'src/routes/rates.js',
    code: `const { Router } = require('express');
const axios = require('axios');

const router = Router();

router.get('/rates', (req, res) => {
  axios.get('https://api.fx.example/latest')
    .then(({ data }) => res.json(data))
    .catch(({ response }) => res.status(502).json(response?.data));
});

module.exports = router;
`,
    errors: [{ line: 9, column: 30, endLine: 9, endColumn: 66, message: 'The raw error `response?.data` is sent to the client, exposing its internals; log it and send a generic message with a request id instead.' }],
    output: `const { Router } = require('express');
const axios = require('axios');

const router = Router();

router.get('/rates', (req, res) => {
  axios.get('https://api.fx.example/latest')
    .then(({ data }) => res.json(data))
    .catch(({ response }) => {
      console.error(response);
      return res.status(502).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
    });
});

module.exports = router;
`,
  },
  {
    name: 'the upstream\'s own error message (axios err.response.data.message) sent with 500',
    flavour: 'express4',
    filename: 'src/routes/weather.js',
    code: `const express = require('express');
const axios = require('axios');

const router = express.Router();

router.get('/forecast/:city', async (req, res) => {
  try {
    const { data } = await axios.get(\`https://api.weather.example/v1/\${encodeURIComponent(req.params.city)}\`);
    res.json(data);
  } catch (err) {
    res.status(500).json({ message: err.response?.data?.message || 'Weather service unavailable' });
  }
});

module.exports = router;
`,
    errors: [{ line: 11, column: 5, endLine: 11, endColumn: 100, message: 'The message of an unexpected error (`err.response?.data?.message`) is sent to the client with status 500; log the error and send a generic message with a request id instead.' }],
    output: `const express = require('express');
const axios = require('axios');

const router = express.Router();

router.get('/forecast/:city', async (req, res) => {
  try {
    const { data } = await axios.get(\`https://api.weather.example/v1/\${encodeURIComponent(req.params.city)}\`);
    res.json(data);
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
  }
});

module.exports = router;
`,
  },
  {
    name: 'the body of a failed upstream call (axios err.response.data) sent with 500',
    flavour: 'express4',
    filename: 'src/routes/fx.js',
    code: `const { Router } = require('express');
const axios = require('axios');

const router = Router();

router.get('/rates', async (req, res) => {
  try {
    const { data } = await axios.get('https://api.fx.example/latest', { headers: { Authorization: \`Bearer \${process.env.FX_TOKEN}\` } });
    res.json(data);
  } catch (err) {
    res.status(500).json({ error: 'Upstream failed', details: err.response?.data });
  }
});

module.exports = router;
`,
    errors: [{ line: 11, column: 5, endLine: 11, endColumn: 84, message: 'The raw error `err.response?.data` is sent to the client, exposing its internals; log it and send a generic message with a request id instead.' }],
    output: `const { Router } = require('express');
const axios = require('axios');

const router = Router();

router.get('/rates', async (req, res) => {
  try {
    const { data } = await axios.get('https://api.fx.example/latest', { headers: { Authorization: \`Bearer \${process.env.FX_TOKEN}\` } });
    res.json(data);
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
  }
});

module.exports = router;
`,
  },
  {
    name: 'an error handler whose only recognised error is MongoDB\'s duplicate key (err.code === 11000)',
    flavour: 'express4',
    filename: 'server/middlewares/error.middleware.js',
    code: `module.exports = (err, req, res, next) => {
  let statusCode = err.statusCode || 500;
  let message = err.message || 'Internal Server Error';
  if (err.code === 11000) {
    statusCode = 400;
    message = \`\${Object.keys(err.keyValue)} already exists\`;
  }
  res.status(statusCode).json({ success: false, message });
};
`,
    errors: [{ line: 8, column: 3, endLine: 8, endColumn: 59, message: 'The message of an unexpected error (`err.message`) is sent to the client with status `statusCode`; log the error and send a generic message with a request id instead.' }],
    output: `module.exports = (err, req, res, next) => {
  let statusCode = err.statusCode || 500;
  let message = err.message || 'Internal Server Error';
  if (err.code === 11000) {
    statusCode = 400;
    message = \`\${Object.keys(err.keyValue)} already exists\`;
  }
  console.error(err);
  res.status(statusCode).json(statusCode >= 500 ? { error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } } : { success: false, message });
};
`,
  },
  {
    name: 'Fastify: the message destructured from the rejection of a promise, sent with 500',
    flavour: 'fastify5',
    filename: 'server/routes/settings.ts',
    code: `import type { FastifyInstance } from 'fastify';
import { settingService } from '../services/settings';

export default async function settings(app: FastifyInstance) {
  app.patch('/api/settings', async (req, reply) => {
    return settingService.set(req.body).then(
      (saved) => reply.status(200).send(saved),
      ({ code, message }) => reply.status(500).send({ code, message }),
    );
  });
}
`,
    errors: [{ line: 8, column: 30, endLine: 8, endColumn: 71, message: 'The message of an unexpected error (`message`) is sent to the client with status 500; log the error and send a generic message with a request id instead.' }],
    output: `import type { FastifyInstance } from 'fastify';
import { settingService } from '../services/settings';

export default async function settings(app: FastifyInstance) {
  app.patch('/api/settings', async (req, reply) => {
    return settingService.set(req.body).then(
      (saved) => reply.status(200).send(saved),
      ({ code, message }) => {
        req.log.error(message);
        return reply.status(500).send({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error', requestId: req.id } });
      },
    );
  });
}
`,
  },
  {
    name: 'the course error handler: an error object whose message only recognised errors replace',
    flavour: 'express4',
    filename: 'middleware/error-handler.js',
    code: `const { StatusCodes } = require('http-status-codes');

const errorHandlerMiddleware = (err, req, res, next) => {
  let customError = {
    statusCode: err.statusCode || StatusCodes.INTERNAL_SERVER_ERROR,
    msg: err.message || 'Something went wrong try again later',
  };
  if (err.name === 'ValidationError') {
    customError.msg = Object.values(err.errors).map((item) => item.message).join(',');
    customError.statusCode = 400;
  }
  if (err.code && err.code === 11000) {
    customError.msg = \`Duplicate value entered for \${Object.keys(err.keyValue)} field\`;
    customError.statusCode = 400;
  }
  return res.status(customError.statusCode).json({ msg: customError.msg });
};

module.exports = errorHandlerMiddleware;
`,
    errors: [{ line: 16, column: 10, endLine: 16, endColumn: 75, message: 'The message of an unexpected error (`err.message`) is sent to the client with status `customError.statusCode`; log the error and send a generic message with a request id instead.' }],
    output: `const { StatusCodes } = require('http-status-codes');

const errorHandlerMiddleware = (err, req, res, next) => {
  let customError = {
    statusCode: err.statusCode || StatusCodes.INTERNAL_SERVER_ERROR,
    msg: err.message || 'Something went wrong try again later',
  };
  if (err.name === 'ValidationError') {
    customError.msg = Object.values(err.errors).map((item) => item.message).join(',');
    customError.statusCode = 400;
  }
  if (err.code && err.code === 11000) {
    customError.msg = \`Duplicate value entered for \${Object.keys(err.keyValue)} field\`;
    customError.statusCode = 400;
  }
  console.error(err);
  return res.status(customError.statusCode).json(customError.statusCode >= 500 ? { error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } } : { msg: customError.msg });
};

module.exports = errorHandlerMiddleware;
`,
  },
  {
    name: 'a streaming handler writing the caught error into the stream',
    flavour: 'express4',
    filename: 'service/src/index.js',
    code: `const express = require('express');
const { chatReplyProcess } = require('./chatgpt');

const router = express.Router();

router.post('/chat-process', async (req, res) => {
  res.setHeader('Content-type', 'application/octet-stream');
  try {
    await chatReplyProcess({ message: req.body.prompt, process: (chat) => res.write(JSON.stringify(chat)) });
  } catch (error) {
    res.write(JSON.stringify(error));
  } finally {
    res.end();
  }
});

module.exports = router;
`,
    errors: [{ line: 11, column: 5, endLine: 11, endColumn: 37, message: 'The raw error `JSON.stringify(error)` is sent to the client, exposing its internals; log it and send a generic message with a request id instead.' }],
  },
  {
    name: 'a generic message replaced by err.message whenever the error is an Error',
    flavour: 'express5',
    filename: 'src/routes/files.ts',
    code: `import { Router } from 'express';
import { storage } from '../storage';

export const files = Router();

files.get('/files/:id', async (req, res) => {
  try {
    res.json(await storage.read(req.params.id));
  } catch (err) {
    let message = 'Unknown error';
    if (err instanceof Error) message = err.message;
    res.status(500).json({ message });
  }
});
`,
    errors: [{ line: 12, column: 5, endLine: 12, endColumn: 38, message: 'The message of an unexpected error (`err.message`) is sent to the client with status 500; log the error and send a generic message with a request id instead.' }],
    output: `import { Router } from 'express';
import { storage } from '../storage';

export const files = Router();

files.get('/files/:id', async (req, res) => {
  try {
    res.json(await storage.read(req.params.id));
  } catch (err) {
    let message = 'Unknown error';
    if (err instanceof Error) message = err.message;
    console.error(err);
    res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
  }
});
`,
  },
  {
    name: 'a message variable replaced only in the branch of one recognised error still carries err.message on the fall-through path',
    flavour: 'express4',
    filename: 'src/middlewares/error.middleware.ts',
    code: `import type { NextFunction, Request, Response } from 'express';
import { UniqueConstraintError } from 'sequelize';

export default (err: Error, _req: Request, res: Response, _next: NextFunction): void => {
  let code = 500;
  let message = err.message || 'Something went wrong';
  if (err instanceof UniqueConstraintError) {
    message = 'Value must be unique';
    code = 422;
  }
  res.status(code).send({ message });
};
`,
    errors: [{ line: 11, column: 3, endLine: 11, endColumn: 37, message: 'The message of an unexpected error (`err.message`) is sent to the client with status `code`; log the error and send a generic message with a request id instead.' }],
    output: `import type { NextFunction, Request, Response } from 'express';
import { UniqueConstraintError } from 'sequelize';

export default (err: Error, _req: Request, res: Response, _next: NextFunction): void => {
  let code = 500;
  let message = err.message || 'Something went wrong';
  if (err instanceof UniqueConstraintError) {
    message = 'Value must be unique';
    code = 422;
  }
  console.error(err);
  res.status(code).send(code >= 500 ? { error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } } : { message });
};
`,
  },
  {
    name: 'the message of a copy of the error (let error = { ...err }) sent with a status falling back to 500',
    flavour: 'express4',
    filename: 'middleware/error.js',
    code: `const ErrorResponse = require('../utils/errorResponse');

const errorHandler = (err, req, res, next) => {
  let error = { ...err };
  error.message = err.message;
  console.log(err);
  if (err.name === 'CastError') {
    error = new ErrorResponse('Resource not found', 404);
  }
  res.status(error.statusCode || 500).json({ success: false, error: error.message || 'Server Error' });
};

module.exports = errorHandler;
`,
    errors: [{ line: 10, column: 3, endLine: 10, endColumn: 103, message: 'The message of an unexpected error (`error.message`) is sent to the client with status `error.statusCode || 500`; log the error and send a generic message with a request id instead.' }],
    output: `const ErrorResponse = require('../utils/errorResponse');

const errorHandler = (err, req, res, next) => {
  let error = { ...err };
  error.message = err.message;
  console.log(err);
  if (err.name === 'CastError') {
    error = new ErrorResponse('Resource not found', 404);
  }
  res.status(error.statusCode || 500).json((error.statusCode || 500) >= 500 ? { error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } } : { success: false, error: error.message || 'Server Error' });
};

module.exports = errorHandler;
`,
  },
  {
    name: 'the message overwritten only for client errors still reaches the client on server errors',
    flavour: 'fastify5',
    filename: 'src/plugins/error-handler.ts',
    code: `import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

export default fp(async (fastify: FastifyInstance) => {
  fastify.setErrorHandler((err, request, reply) => {
    const statusCode = err.statusCode || 500;
    const body = { statusCode, message: err.message || 'Unexpected error' };
    if (statusCode < 500) {
      body.message = 'Bad request';
    }
    reply.code(statusCode).send(body);
  });
});
`,
    errors: [{ line: 11, column: 5, endLine: 11, endColumn: 38, message: 'The message of an unexpected error (`err.message`) is sent to the client with status `statusCode`; log the error and send a generic message with a request id instead.' }],
    output: `import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

export default fp(async (fastify: FastifyInstance) => {
  fastify.setErrorHandler((err, request, reply) => {
    const statusCode = err.statusCode || 500;
    const body = { statusCode, message: err.message || 'Unexpected error' };
    if (statusCode < 500) {
      body.message = 'Bad request';
    }
    request.log.error(err);
    reply.code(statusCode).send(statusCode >= 500 ? { error: { code: 'INTERNAL_ERROR', message: 'Internal server error', requestId: request.id } } : body);
  });
});
`,
  },
  {
    name: 'the message wrapped in a response class constructed for the payload',
    flavour: 'express4',
    filename: 'src/middlewares/CustomErrorHandler.ts',
    code: `import type { NextFunction, Request, Response } from 'express';
import { ErrorResponse } from '../responses/ErrorResponse';

export function customErrorHandler(error: { status?: number; message?: string }, req: Request, response: Response, next: NextFunction) {
  const status = error.status || 500;
  const message = error.message || 'Something went wrong';
  response.status(status).json(new ErrorResponse(status, 'E_INTERNAL', message));
}
`,
    errors: [{ line: 7, column: 3, endLine: 7, endColumn: 81, message: 'The message of an unexpected error (`error.message`) is sent to the client with status `status`; log the error and send a generic message with a request id instead.' }],
    output: `import type { NextFunction, Request, Response } from 'express';
import { ErrorResponse } from '../responses/ErrorResponse';

export function customErrorHandler(error: { status?: number; message?: string }, req: Request, response: Response, next: NextFunction) {
  const status = error.status || 500;
  const message = error.message || 'Something went wrong';
  console.error(error);
  response.status(status).json(status >= 500 ? { error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } } : new ErrorResponse(status, 'E_INTERNAL', message));
}
`,
  },
  {
    name: 'a stack-sending handler picked in production by a reversed environment check',
    flavour: 'express4',
    filename: 'src/app.js',
    code: `const express = require('express');

const IS_PROD = process.env.NODE_ENV === 'production';
const app = express();

const quiet = (err, req, res, next) => res.status(500).send('Internal Server Error');
const verbose = (err, req, res, next) => res.status(500).send(err.stack);
app.use(IS_PROD ? verbose : quiet);

module.exports = app;
`,
    errors: [{ line: 7, column: 42, endLine: 7, endColumn: 73, message: 'The stack trace `err.stack` is sent to the client; log the error and send a generic message with a request id instead.' }],
    output: `const express = require('express');

const IS_PROD = process.env.NODE_ENV === 'production';
const app = express();

const quiet = (err, req, res, next) => res.status(500).send('Internal Server Error');
const verbose = (err, req, res, next) => {
  console.error(err);
  return res.status(500).send({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
};
app.use(IS_PROD ? verbose : quiet);

module.exports = app;
`,
  },
  {
    name: 'the status read from a local error body whose statusCode falls back to 500',
    flavour: 'express5',
    filename: 'src/middlewares/errors/index.ts',
    code: `import type { NextFunction, Request, Response } from 'express';
import { StatusCodes } from 'http-status-codes';

export function errorHandler(err: { statusCode?: number; message: string }, req: Request, res: Response, next: NextFunction) {
  const statusCode = err.statusCode || StatusCodes.INTERNAL_SERVER_ERROR;
  const displayedError = { statusCode, success: false, message: err.message };
  res.status(displayedError.statusCode).json(displayedError);
}
`,
    errors: [{ line: 7, column: 3, endLine: 7, endColumn: 61, message: 'The message of an unexpected error (`err.message`) is sent to the client with status `displayedError.statusCode`; log the error and send a generic message with a request id instead.' }],
    output: `import type { NextFunction, Request, Response } from 'express';
import { StatusCodes } from 'http-status-codes';

export function errorHandler(err: { statusCode?: number; message: string }, req: Request, res: Response, next: NextFunction) {
  const statusCode = err.statusCode || StatusCodes.INTERNAL_SERVER_ERROR;
  const displayedError = { statusCode, success: false, message: err.message };
  console.error(err);
  res.status(displayedError.statusCode).json(displayedError.statusCode >= 500 ? { error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } } : displayedError);
}
`,
  },
  {
    name: 'the message sent when it has text, a fallback otherwise',
    flavour: 'express4',
    filename: 'src/util/handle-error.js',
    code: `module.exports = function handleError(fn) {
  return (req, res) => {
    fn(req, res).catch((err) => {
      res.send({ status: 'ok', data: { error_code: 'INTERNAL_ERROR', error_type: err.message ? err.message : 'internal-error' } });
    });
  };
};
`,
    errors: [{ line: 4, column: 7, endLine: 4, endColumn: 131, message: 'The message of an unexpected error (`err.message`) is sent to the client without a 4xx status; log the error and send a generic message with a request id instead.' }],
    output: `module.exports = function handleError(fn) {
  return (req, res) => {
    fn(req, res).catch((err) => {
      console.error(err);
      res.status(500).send({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
    });
  };
};
`,
  },
  {
    name: '@fastify/sensible: the message of an unexpected error sent by reply.internalServerError',
    flavour: 'fastify4',
    filename: 'src/routes/orders/index.ts',
    code: `import type { FastifyPluginAsync } from 'fastify';

const orders: FastifyPluginAsync = async (fastify) => {
  fastify.get('/:id', async (request, reply) => {
    try {
      return await fastify.db.orders.findById((request.params as { id: string }).id);
    } catch (error) {
      return reply.internalServerError((error as Error).message);
    }
  });
};

export default orders;
`,
    errors: [{ line: 8, column: 14, endLine: 8, endColumn: 65, message: 'The message of an unexpected error (`error.message`) is sent to the client with status 500; log the error and send a generic message with a request id instead.' }],
    output: `import type { FastifyPluginAsync } from 'fastify';

const orders: FastifyPluginAsync = async (fastify) => {
  fastify.get('/:id', async (request, reply) => {
    try {
      return await fastify.db.orders.findById((request.params as { id: string }).id);
    } catch (error) {
      request.log.error(error);
      return reply.internalServerError('Internal server error');
    }
  });
};

export default orders;
`,
  },
  {
    name: '@fastify/sensible: a thrown fastify.httpErrors 5xx carrying the message of an unexpected error',
    flavour: 'fastify5',
    filename: 'src/routes/reports.js',
    code: `export default async function reports(fastify) {
  fastify.post('/reports', async (request, reply) => {
    try {
      const report = await fastify.reports.generate(request.body);
      return reply.code(201).send(report);
    } catch (err) {
      throw fastify.httpErrors.internalServerError(err.message);
    }
  });
}
`,
    errors: [{ line: 7, column: 13, endLine: 7, endColumn: 64, message: 'The message of an unexpected error (`err.message`) is sent to the client with status 500; log the error and send a generic message with a request id instead.' }],
    output: `export default async function reports(fastify) {
  fastify.post('/reports', async (request, reply) => {
    try {
      const report = await fastify.reports.generate(request.body);
      return reply.code(201).send(report);
    } catch (err) {
      request.log.error(err);
      throw fastify.httpErrors.internalServerError('Internal server error');
    }
  });
}
`,
  },
  {
    name: 'a nested callback names its own error err: the outer if (err) return does not empty it',
    flavour: 'express4',
    filename: 'app/controllers/auth.controller.js',
    code: `exports.signup = (req, res) => {
  user.save((err, saved) => {
    if (err) return res.status(500).send({ message: 'Could not save' });
    Role.find({ name: 'user' }, (err, roles) => {
      if (err) {
        res.status(500).send({ message: err });
        return;
      }
      res.send({ message: 'User was registered successfully!', id: saved.id, roles });
    });
  });
};
`,
    errors: [{ line: 6, column: 9, endLine: 6, endColumn: 47, message: 'The raw error `err` is sent to the client, exposing its internals; log it and send a generic message with a request id instead.' }],
    output: `exports.signup = (req, res) => {
  user.save((err, saved) => {
    if (err) return res.status(500).send({ message: 'Could not save' });
    Role.find({ name: 'user' }, (err, roles) => {
      if (err) {
        console.error(err);
        res.status(500).send({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
        return;
      }
      res.send({ message: 'User was registered successfully!', id: saved.id, roles });
    });
  });
};
`,
  },
  {
    name: 'the message handed, with the reply and a 500, to a helper that sends it',
    flavour: 'fastify5',
    filename: 'src/modules/users/users.controller.ts',
    code: `import type { FastifyReply, FastifyRequest } from 'fastify';
import { responseError, responseSuccess } from '../../utils/response';
import { users } from './users.service';

export async function bulkCreate(req: FastifyRequest, reply: FastifyReply) {
  try {
    return responseSuccess(reply, await users.insertMany(req.body as object[]), 'Users created');
  } catch (err: any) {
    return responseError(reply, err.message || 'Failed to create users', 500, err);
  }
}
`,
    errors: [{ line: 9, column: 12, endLine: 9, endColumn: 83, message: 'The message of an unexpected error (`err.message`) is sent to the client with status 500; log the error and send a generic message with a request id instead.' }],
  },
  {
    name: 'the message taken out by a getErrorMessage helper and sent with 500',
    flavour: 'fastify5',
    filename: 'src/shared/error-handler.ts',
    code: `import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { getErrorMessage } from './errors';

export async function errorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  reply.status(500).send({ statusCode: 500, data: { message: getErrorMessage(error) || 'An error occurred' } });
}
`,
    errors: [{ line: 5, column: 3, endLine: 5, endColumn: 112, message: 'The message of an unexpected error (`getErrorMessage(error)`) is sent to the client with status 500; log the error and send a generic message with a request id instead.' }],
    output: `import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { getErrorMessage } from './errors';

export async function errorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  console.error(error);
  reply.status(500).send({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
}
`,
  },
  {
    name: 'the message handed to a helper that builds the response body',
    flavour: 'express5',
    filename: 'src/controllers/tasks.controller.js',
    code: `const { formatResponse } = require('../utils/response');
const Task = require('../models/task');

exports.list = async (req, res) => {
  try {
    res.json(formatResponse(200, 'All tasks', await Task.findAll()));
  } catch (error) {
    res.status(500).json(formatResponse(500, 'Failed to get tasks', null, error.message));
  }
};
`,
    errors: [
      { line: 8, column: 5, endLine: 8, endColumn: 90, message: 'The message of an unexpected error (`error.message`) is sent to the client with status 500; log the error and send a generic message with a request id instead.' },
    ],
    output: `const { formatResponse } = require('../utils/response');
const Task = require('../models/task');

exports.list = async (req, res) => {
  try {
    res.json(formatResponse(200, 'All tasks', await Task.findAll()));
  } catch (error) {
    console.error(error);
    res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
  }
};
`,
  },
  {
    name: 'the message of a destructured catch parameter',
    flavour: 'express4',
    filename: 'src/routes/tasks.js',
    code: `const express = require('express');
const db = require('../db');

const router = express.Router();

router.get('/tasks', async (req, res) => {
  try {
    res.json(await db.tasks.all());
  } catch ({ message }) {
    return res.status(500).json({ error: message });
  }
});

module.exports = router;
`,
    errors: [
      { line: 10, column: 12, endLine: 10, endColumn: 52, message: 'The message of an unexpected error (`message`) is sent to the client with status 500; log the error and send a generic message with a request id instead.' },
    ],
    output: `const express = require('express');
const db = require('../db');

const router = express.Router();

router.get('/tasks', async (req, res) => {
  try {
    res.json(await db.tasks.all());
  } catch ({ message }) {
    console.error(message);
    return res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
  }
});

module.exports = router;
`,
  },
  {
    name: 'the 500 fallback written back onto the error before the response',
    flavour: 'express4',
    filename: 'src/middlewares/errorMiddleware.js',
    code: `module.exports = (err, req, res, next) => {
  err.statusCode = err.statusCode || 500;
  err.status = err.status || 'error';
  res.status(err.statusCode).json({ status: err.status, message: err.message });
};
`,
    errors: [
      { line: 4, column: 3, endLine: 4, endColumn: 80, message: 'The message of an unexpected error (`err.message`) is sent to the client with status `err.statusCode`; log the error and send a generic message with a request id instead.' },
    ],
    output: `module.exports = (err, req, res, next) => {
  err.statusCode = err.statusCode || 500;
  err.status = err.status || 'error';
  console.error(err);
  res.status(err.statusCode).json(err.statusCode >= 500 ? { error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } } : { status: err.status, message: err.message });
};
`,
  },
  {
    name: 'status fallback and message held in a local error object',
    flavour: 'express5',
    filename: 'src/middlewares/error.middleware.ts',
    code: `import type { NextFunction, Request, Response } from 'express';

export function errorMiddleware(err: any, req: Request, res: Response, _next: NextFunction) {
  const errorObj = { status: err.status || 500, message: err.message || 'Something went wrong.' };
  res.status(errorObj.status).json({ success: false, message: errorObj.message });
}
`,
    errors: [
      { line: 5, column: 3, endLine: 5, endColumn: 82, message: 'The message of an unexpected error (`err.message`) is sent to the client with status `errorObj.status`; log the error and send a generic message with a request id instead.' },
    ],
    output: `import type { NextFunction, Request, Response } from 'express';

export function errorMiddleware(err: any, req: Request, res: Response, _next: NextFunction) {
  const errorObj = { status: err.status || 500, message: err.message || 'Something went wrong.' };
  console.error(err);
  res.status(errorObj.status).json(errorObj.status >= 500 ? { error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } } : { success: false, message: errorObj.message });
}
`,
  },
  {
    name: "stack trace from an Express 4 error handler",
    flavour: 'express4',
    filename: 'src/middleware/error-handler.ts',
    code: `import type { NextFunction, Request, Response } from 'express';

export function errorHandler(err: Error, req: Request, res: Response, _next: NextFunction) {
  res.status(500).json({ message: err.message, stack: err.stack });
}
`,
    errors: [
      { line: 4, column: 3, endLine: 4, endColumn: 67, message: "The stack trace `err.stack` is sent to the client; log the error and send a generic message with a request id instead." },
    ],
    output: `import type { NextFunction, Request, Response } from 'express';

export function errorHandler(err: Error, req: Request, res: Response, _next: NextFunction) {
  console.error(err);
  res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
}
`,
  },
  {
    name: "raw error sent from a catch block (CommonJS)",
    flavour: 'express4',
    filename: 'src/routes/users.js',
    code: `const express = require('express');
const User = require('../models/user');

const router = express.Router();

router.get('/:id', async (req, res) => {
  try {
    const user = await User.findById(req.params.id);
    res.json(user);
  } catch (err) {
    res.status(500).send(err);
  }
});

module.exports = router;
`,
    errors: [
      { line: 11, column: 5, endLine: 11, endColumn: 30, message: "The raw error `err` is sent to the client, exposing its internals; log it and send a generic message with a request id instead." },
    ],
    output: `const express = require('express');
const User = require('../models/user');

const router = express.Router();

router.get('/:id', async (req, res) => {
  try {
    const user = await User.findById(req.params.id);
    res.json(user);
  } catch (err) {
    console.error(err);
    res.status(500).send({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
  }
});

module.exports = router;
`,
  },
  {
    name: "message without a status, logged through the imported logger",
    flavour: 'express5',
    filename: 'src/controllers/orders.controller.ts',
    code: `import type { Request, Response } from 'express';
import { logger } from '../lib/logger';
import { orderService } from '../services/order.service';

export const createOrder = async (req: Request, res: Response) => {
  try {
    const order = await orderService.create(req.body);
    res.status(201).json(order);
  } catch (error) {
    res.json({ success: false, error: error instanceof Error ? error.message : 'Unknown error' });
  }
};
`,
    errors: [
      { line: 10, column: 5, endLine: 10, endColumn: 98, message: "The message of an unexpected error (`error.message`) is sent to the client without a 4xx status; log the error and send a generic message with a request id instead." },
    ],
    output: `import type { Request, Response } from 'express';
import { logger } from '../lib/logger';
import { orderService } from '../services/order.service';

export const createOrder = async (req: Request, res: Response) => {
  try {
    const order = await orderService.create(req.body);
    res.status(201).json(order);
  } catch (error) {
    logger.error(error);
    res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
  }
};
`,
  },
  {
    name: "message with err.status || 500",
    flavour: 'express4',
    filename: 'src/app.js',
    code: `const express = require('express');
const app = express();

app.use((err, req, res, next) => {
  res.status(err.status || 500).json({ message: err.message });
});

module.exports = app;
`,
    errors: [
      { line: 5, column: 3, endLine: 5, endColumn: 63, message: "The message of an unexpected error (`err.message`) is sent to the client with status `err.status || 500`; log the error and send a generic message with a request id instead." },
    ],
    output: `const express = require('express');
const app = express();

app.use((err, req, res, next) => {
  console.error(err);
  res.status(err.status || 500).json((err.status || 500) >= 500 ? { error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } } : { message: err.message });
});

module.exports = app;
`,
  },
  {
    name: "Fastify setErrorHandler sending messages of 5xx errors",
    flavour: 'fastify4',
    filename: 'src/plugins/errors.ts',
    code: `import fp from 'fastify-plugin';

export default fp(async (fastify) => {
  fastify.setErrorHandler((error, request, reply) => {
    reply.status(error.statusCode ?? 500).send({ error: error.name, message: error.message });
  });
});
`,
    errors: [
      { line: 5, column: 5, endLine: 5, endColumn: 94, message: "The message of an unexpected error (`error.message`) is sent to the client with status `error.statusCode ?? 500`; log the error and send a generic message with a request id instead." },
    ],
    output: `import fp from 'fastify-plugin';

export default fp(async (fastify) => {
  fastify.setErrorHandler((error, request, reply) => {
    request.log.error(error);
    reply.status(error.statusCode ?? 500).send((error.statusCode ?? 500) >= 500 ? { error: { code: 'INTERNAL_ERROR', message: 'Internal server error', requestId: request.id } } : { error: error.name, message: error.message });
  });
});
`,
  },
  {
    name: "Fastify async handler returning String(err)",
    flavour: 'fastify5',
    filename: 'src/routes/items.ts',
    code: `import type { FastifyInstance } from 'fastify';

export default async function items(fastify: FastifyInstance) {
  fastify.get('/items', async (request, reply) => {
    try {
      return await fastify.db.items.findMany();
    } catch (err) {
      reply.code(500);
      return { error: String(err) };
    }
  });
}
`,
    errors: [
      { line: 9, column: 14, endLine: 9, endColumn: 36, message: "The message of an unexpected error (`String(err)`) is sent to the client with status 500; log the error and send a generic message with a request id instead." },
    ],
    output: `import type { FastifyInstance } from 'fastify';

export default async function items(fastify: FastifyInstance) {
  fastify.get('/items', async (request, reply) => {
    try {
      return await fastify.db.items.findMany();
    } catch (err) {
      reply.code(500);
      request.log.error(err);
      return { error: { code: 'INTERNAL_ERROR', message: 'Internal server error', requestId: request.id } };
    }
  });
}
`,
  },
  {
    name: "promise .catch with an expression-bodied arrow",
    flavour: 'express4',
    filename: 'src/routes/posts.js',
    code: `const router = require('express').Router();
const Post = require('../models/post');

router.get('/', (req, res) => {
  Post.find()
    .then((posts) => res.json(posts))
    .catch((err) => res.status(500).json({ error: err.message }));
});

module.exports = router;
`,
    errors: [
      { line: 7, column: 21, endLine: 7, endColumn: 65, message: "The message of an unexpected error (`err.message`) is sent to the client with status 500; log the error and send a generic message with a request id instead." },
    ],
    output: `const router = require('express').Router();
const Post = require('../models/post');

router.get('/', (req, res) => {
  Post.find()
    .then((posts) => res.json(posts))
    .catch((err) => {
      console.error(err);
      return res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
    });
});

module.exports = router;
`,
  },
  {
    name: "node-style callback error in a braceless if",
    flavour: 'express4',
    filename: 'src/routes/legacy.js',
    code: `const router = require('express').Router();
const db = require('../db');

router.get('/legacy', (req, res) => {
  db.query('SELECT * FROM items', (err, rows) => {
    if (err) return res.status(500).send(err);
    res.json(rows);
  });
});

module.exports = router;
`,
    errors: [
      { line: 6, column: 21, endLine: 6, endColumn: 46, message: "The raw error `err` is sent to the client, exposing its internals; log it and send a generic message with a request id instead." },
    ],
    output: `const router = require('express').Router();
const db = require('../db');

router.get('/legacy', (req, res) => {
  db.query('SELECT * FROM items', (err, rows) => {
    if (err) {
      console.error(err);
      return res.status(500).send({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
    }
    res.json(rows);
  });
});

module.exports = router;
`,
  },
  {
    name: "stack in a 400 response: the stack property is removed",
    flavour: 'express5',
    filename: 'src/middleware/errors.ts',
    code: `import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';

export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (err instanceof ZodError) {
    return res.status(400).json({ message: 'Validation failed', issues: err.issues, stack: err.stack });
  }
  res.status(500).json({ message: 'Internal server error' });
};
`,
    errors: [
      { line: 6, column: 12, endLine: 6, endColumn: 104, message: "The stack trace `err.stack` is sent to the client; keep it in the server logs and leave it out of the response." },
    ],
    output: `import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';

export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (err instanceof ZodError) {
    return res.status(400).json({ message: 'Validation failed', issues: err.issues });
  }
  res.status(500).json({ message: 'Internal server error' });
};
`,
  },
  {
    name: "JSON.stringify of the error in a Fastify 503",
    flavour: 'fastify4',
    filename: 'src/routes/health.js',
    code: `module.exports = async function (fastify) {
  fastify.get('/health', async (request, reply) => {
    try {
      await fastify.pg.query('SELECT 1');
      return { ok: true };
    } catch (e) {
      reply.code(503).send({ ok: false, detail: JSON.stringify(e) });
    }
  });
};
`,
    errors: [
      { line: 7, column: 7, endLine: 7, endColumn: 69, message: "The raw error `JSON.stringify(e)` is sent to the client, exposing its internals; log it and send a generic message with a request id instead." },
    ],
    output: `module.exports = async function (fastify) {
  fastify.get('/health', async (request, reply) => {
    try {
      await fastify.pg.query('SELECT 1');
      return { ok: true };
    } catch (e) {
      request.log.error(e);
      reply.code(503).send({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error', requestId: request.id } });
    }
  });
};
`,
  },
  {
    name: "destructured stack, error already logged",
    flavour: 'express4',
    filename: 'src/middleware/errorHandler.js',
    code: `const logger = require('../config/logger');

module.exports = (err, req, res, next) => {
  const { message, stack } = err;
  logger.error(err);
  res.status(500).json({ message, stack });
};
`,
    errors: [
      { line: 6, column: 3, endLine: 6, endColumn: 43, message: "The stack trace `err.stack` is sent to the client; log the error and send a generic message with a request id instead." },
    ],
    output: `const logger = require('../config/logger');

module.exports = (err, req, res, next) => {
  const { message, stack } = err;
  logger.error(err);
  res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
};
`,
  },
  {
    name: "util.inspect in an ESM app",
    flavour: 'express5',
    filename: 'src/server.mjs',
    esm: true,
    code: `import express from 'express';
import util from 'node:util';

const app = express();

app.get('/debug', async (req, res) => {
  try {
    await runDiagnostics();
    res.sendStatus(204);
  } catch (err) {
    res.status(500).type('text').send(util.inspect(err));
  }
});

export default app;
`,
    errors: [
      { line: 11, column: 5, endLine: 11, endColumn: 57, message: "The stack trace `util.inspect(err)` is sent to the client; log the error and send a generic message with a request id instead." },
    ],
    output: `import express from 'express';
import util from 'node:util';

const app = express();

app.get('/debug', async (req, res) => {
  try {
    await runDiagnostics();
    res.sendStatus(204);
  } catch (err) {
    console.error(err);
    res.status(500).type('text').send({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
  }
});

export default app;
`,
  },
  {
    name: "raw error in a payload object with pino-http request ids",
    flavour: 'express5',
    filename: 'src/controllers/invoice.controller.ts',
    files: {
      'package.json': `{
  "name": "fixture",
  "version": "1.0.0",
  "dependencies": {
    "express": "^5.1.0",
    "pino-http": "^10.0.0"
  }
}`,
    },
    code: `import type { Request, Response } from 'express';
import { invoices } from '../services/invoices';

export async function getInvoice(req: Request, res: Response) {
  try {
    res.json(await invoices.find(req.params.id));
  } catch (error) {
    req.log.warn('invoice lookup failed');
    res.status(500).json({ message: 'Server error', error });
  }
}
`,
    errors: [
      { line: 9, column: 5, endLine: 9, endColumn: 61, message: "The raw error `error` is sent to the client, exposing its internals; log it and send a generic message with a request id instead." },
    ],
    output: `import type { Request, Response } from 'express';
import { invoices } from '../services/invoices';

export async function getInvoice(req: Request, res: Response) {
  try {
    res.json(await invoices.find(req.params.id));
  } catch (error) {
    req.log.warn('invoice lookup failed');
    req.log.error(error);
    res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error', requestId: req.id } });
  }
}
`,
  },
  {
    name: "template string with the message in a Fastify 5 route",
    flavour: 'fastify5',
    filename: 'src/routes/upload.js',
    esm: true,
    code: `export default async function upload(fastify) {
  fastify.post('/upload', async (request, reply) => {
    try {
      const file = await request.file();
      return { id: await fastify.storage.save(file) };
    } catch (error) {
      return reply.status(500).send({ error: \`Upload failed: \${error.message}\` });
    }
  });
}
`,
    errors: [
      { line: 7, column: 14, endLine: 7, endColumn: 82, message: "The message of an unexpected error (`error.message`) is sent to the client with status 500; log the error and send a generic message with a request id instead." },
    ],
    output: `export default async function upload(fastify) {
  fastify.post('/upload', async (request, reply) => {
    try {
      const file = await request.file();
      return { id: await fastify.storage.save(file) };
    } catch (error) {
      request.log.error(error);
      return reply.status(500).send({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error', requestId: request.id } });
    }
  });
}
`,
  },
  {
    name: "response helper taking the error",
    flavour: 'express4',
    filename: 'src/utils/respond.js',
    code: `const handleError = (res, error) => res.status(500).json({ success: false, error: error.message });

module.exports = { handleError };
`,
    errors: [
      { line: 1, column: 37, endLine: 1, endColumn: 99, message: "The message of an unexpected error (`error.message`) is sent to the client with status 500; log the error and send a generic message with a request id instead." },
    ],
    output: `const handleError = (res, error) => {
  console.error(error);
  return res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
};

module.exports = { handleError };
`,
  },
  {
    name: "standalone Fastify error handler with a 500",
    flavour: 'fastify5',
    filename: 'src/errors/handler.ts',
    code: `import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.validation) {
    return reply.status(400).send({ message: error.message });
  }
  reply.status(500).send({ message: 'Internal error', detail: error.message });
}
`,
    errors: [
      { line: 7, column: 3, endLine: 7, endColumn: 79, message: "The message of an unexpected error (`error.message`) is sent to the client with status 500; log the error and send a generic message with a request id instead." },
    ],
    output: `import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.validation) {
    return reply.status(400).send({ message: error.message });
  }
  request.log.error(error);
  reply.status(500).send({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error', requestId: request.id } });
}
`,
  },
  ],
});
