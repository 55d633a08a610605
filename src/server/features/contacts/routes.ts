import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AccountDeal } from '../../../core/accounts/schemas.js';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import { Contact, ContactCreate, ContactCreated, ContactListQuery, ContactPatch } from '../../../core/contacts/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { expectedFrom, setEtag } from '../../http/concurrency.js';
import { createContact, deleteContact, getContact, listContactDeals, listContactsFor, updateContact } from './service.js';

const tags = ['contacts'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };

export const contactRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/contacts', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'List and search contacts',
        querystring: ContactListQuery,
        response: { 200: pageOf(Contact), ...errors },
      },
      handler: (request) => listContactsFor(db, authOf(request), request.query),
    });

    app.post('/contacts', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Create a contact',
        description:
          'Answers 201 with the contact and `duplicates`: existing contacts with the same e-mail address (compared case-insensitively). A duplicate is a warning, not a refusal.',
        body: ContactCreate,
        response: { 201: ContactCreated, ...errors },
      },
      handler: async (request, reply) => {
        const contact = await createContact(db, authOf(request), request.body);
        setEtag(reply, contact.version);
        return reply.status(201).send(contact);
      },
    });

    app.get('/contacts/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Get a contact', params: IdParams, response: { 200: Contact, ...errors } },
      handler: async (request, reply) => {
        const contact = await getContact(db, authOf(request), request.params.id);
        setEtag(reply, contact.version);
        return contact;
      },
    });

    app.get('/contacts/:id/deals', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "A contact's deals in every project of the workspace (the 500 most recently changed)",
        params: IdParams,
        response: { 200: pageOf(AccountDeal), ...errors },
      },
      handler: (request) => listContactDeals(db, authOf(request), request.params.id),
    });

    app.patch('/contacts/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Change a contact', params: IdParams, body: ContactPatch, response: { 200: Contact, ...errors } },
      handler: async (request, reply) => {
        const contact = await updateContact(
          db,
          authOf(request),
          request.params.id,
          request.body,
          expectedFrom(request, request.body.version),
        );
        setEtag(reply, contact.version);
        return contact;
      },
    });

    app.delete('/contacts/:id', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Delete a contact (deals and activities that name it stay, without it)',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
      handler: async (request, reply) => {
        await deleteContact(db, authOf(request), request.params.id, expectedFrom(request, undefined));
        return reply.status(204).send(null);
      },
    });
  };
