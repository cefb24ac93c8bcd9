import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '@ferry/contracts';
import { problems } from './problem';

/** class-validator on every body, query and param DTO: unknown fields are rejected, not dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validateCustomDecorators: true,
    exceptionFactory: (errors) => problems.validation(flatten(errors)),
  });
}

export function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // A missing field fails every rule on it; one clear message says more than all of them.
    if (error.value === undefined && error.constraints) return [{ field, message: 'is required' }];
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? 'is not a known field' : stripProperty(message, error.property),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function stripProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
