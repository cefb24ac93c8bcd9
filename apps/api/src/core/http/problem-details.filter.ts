import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ProblemDetails } from '@ferry/contracts';
import type { Request, Response } from 'express';
import { Problem } from './problem';

const STATUS_SLUGS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
};

/** Every error leaves the API as `application/problem+json`; unexpected ones never leak internals. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const instance = request.originalUrl?.split('?')[0];
    let body: ProblemDetails;
    let headers: Record<string, string> = {};

    if (exception instanceof Problem) {
      body = exception.toDetails(instance);
      headers = exception.headers;
    } else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      body = {
        type: `https://ferry.dev/problems/${STATUS_SLUGS[status] ?? 'error'}`,
        title: HttpStatus[status]?.replace(/_/g, ' ').toLowerCase().replace(/^\w/, (c) => c.toUpperCase()) ?? 'Error',
        status,
        detail: httpExceptionDetail(exception),
        instance,
      };
    } else if (isBodyParserError(exception)) {
      body = {
        type: 'https://ferry.dev/problems/bad-request',
        title: 'Bad request',
        status: exception.status,
        detail: exception.message,
        instance,
      };
    } else {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
      body = {
        type: 'https://ferry.dev/problems/internal',
        title: 'Internal error',
        status: 500,
        detail: `Something went wrong on our side. Quote request id ${String(request.id ?? 'unknown')} when reporting it.`,
        instance,
      };
    }
    response.status(body.status).set({ ...headers, 'Content-Type': 'application/problem+json' }).send(JSON.stringify(body));
  }
}

function httpExceptionDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return exception.message;
}

interface BodyParserError {
  status: number;
  type: string;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as BodyParserError).status === 'number' &&
    typeof (error as BodyParserError).type === 'string' &&
    (error as BodyParserError).status >= 400 &&
    (error as BodyParserError).status < 500
  );
}
