import { ErrorBody } from '../../../core/common/schemas.js';

/** The error answers of the goal, check-in and forecast routes (SPEC §4). */
export const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };
