import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '../../../core/common/schemas.js';
import { ExchangeRatesPutSchema, ExchangeRatesSchema } from '../../../core/forecast/exchange-rates';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { expectedFrom, setEtag } from '../../http/concurrency.js';
import { getExchangeRates, putExchangeRates } from './service.js';

const tags = ['exchange rates'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };

export const exchangeRateRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/exchange-rates', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "The workspace's exchange rates",
        description:
          'Each currency in the base currency per major unit (base CNY: USD 7.1 means 1 USD = 7.1 CNY), from its effective date on. Goals convert money in other currencies at the rate in effect today.',
        response: { 200: ExchangeRatesSchema, ...errors },
      },
      handler: async (request, reply) => {
        const table = await getExchangeRates(db, authOf(request));
        setEtag(reply, table.version);
        return table;
      },
    });

    app.put('/exchange-rates', {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "Replace the workspace's exchange rates (owners and admins)",
        description:
          'The body carries the whole table. `version` (or `If-Match`) from the last read guards against overwriting a newer table.',
        body: ExchangeRatesPutSchema,
        response: { 200: ExchangeRatesSchema, ...errors },
      },
      handler: async (request, reply) => {
        const table = await putExchangeRates(db, authOf(request), request.body, expectedFrom(request, request.body.version));
        setEtag(reply, table.version);
        return table;
      },
    });
  };
