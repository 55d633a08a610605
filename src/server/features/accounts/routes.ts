import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Account, AccountCreate, AccountCreated, AccountDeal, AccountListQuery, AccountPatch } from '../../../core/accounts/schemas.js';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { expectedFrom, setEtag } from '../../http/concurrency.js';
import { createAccount, deleteAccount, getAccount, listAccountDeals, listAccountsFor, updateAccount } from './service.js';

const tags = ['accounts'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };

export const accountRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/accounts', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'List and search accounts (companies)',
        querystring: AccountListQuery,
        response: { 200: pageOf(Account), ...errors },
      },
      handler: (request) => listAccountsFor(db, authOf(request), request.query),
    });

    app.post('/accounts', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Create an account',
        description:
          'Answers 201 with the account and `duplicates`: existing accounts with the same name (compared case-insensitively). A duplicate is a warning, not a refusal.',
        body: AccountCreate,
        response: { 201: AccountCreated, ...errors },
      },
      handler: async (request, reply) => {
        const account = await createAccount(db, authOf(request), request.body);
        setEtag(reply, account.version);
        return reply.status(201).send(account);
      },
    });

    app.get('/accounts/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Get an account', params: IdParams, response: { 200: Account, ...errors } },
      handler: async (request, reply) => {
        const account = await getAccount(db, authOf(request), request.params.id);
        setEtag(reply, account.version);
        return account;
      },
    });

    app.get('/accounts/:id/deals', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "An account's deals in every project of the workspace (the 500 most recently changed)",
        params: IdParams,
        response: { 200: pageOf(AccountDeal), ...errors },
      },
      handler: (request) => listAccountDeals(db, authOf(request), request.params.id),
    });

    app.patch('/accounts/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Change an account', params: IdParams, body: AccountPatch, response: { 200: Account, ...errors } },
      handler: async (request, reply) => {
        const account = await updateAccount(
          db,
          authOf(request),
          request.params.id,
          request.body,
          expectedFrom(request, request.body.version),
        );
        setEtag(reply, account.version);
        return account;
      },
    });

    app.delete('/accounts/:id', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Delete an account (its contacts and deals stay, without it)',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
      handler: async (request, reply) => {
        await deleteAccount(db, authOf(request), request.params.id, expectedFrom(request, undefined));
        return reply.status(204).send(null);
      },
    });
  };
