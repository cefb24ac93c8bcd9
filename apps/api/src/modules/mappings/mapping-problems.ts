import { HttpStatus } from '@nestjs/common';
import {
  MappingBreakingChangeProblem,
  MappingDefinitionProblem,
  MappingFailureDto,
  MappingImpactReport,
  MappingReplayRefusedProblem,
  MappingTestReport,
  MappingTestsFailedProblem,
  ProblemDetails,
} from '@ferry/contracts';
import { Problem } from '../../core/http/problem';

/**
 * The mapping editor's refusals: RFC 9457 problems with extension members that carry what
 * the editor shows (the failing expressions' positions, the failing tests, the impact).
 */
class ProblemWith<T extends object> extends Problem {
  constructor(
    status: number,
    slug: string,
    title: string,
    detail: string,
    private readonly extension: T,
    fieldErrors?: ProblemDetails['errors'],
  ) {
    super(status, slug, title, detail, fieldErrors);
  }

  override toDetails(instance?: string): ProblemDetails {
    return { ...super.toDetails(instance), ...this.extension };
  }
}

const position = (f: MappingFailureDto) => (f.line !== undefined ? ` (line ${f.line}, column ${f.column})` : '');

/** 400: the definition does not compile; each failure names its rule and the position in it. */
export function mappingDoesNotCompile(failures: readonly MappingFailureDto[]): Problem {
  const errors = failures.map((f) => ({ field: `definition${f.field ? `[${f.field}]` : ''}`, message: `${f.message}${position(f)} [${f.code}]` }));
  return new ProblemWith(
    HttpStatus.BAD_REQUEST,
    'mapping-does-not-compile',
    'Mapping does not compile',
    errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    { failures: failures.map((f) => ({ ...f })) } satisfies Pick<MappingDefinitionProblem, 'failures'>,
    errors,
  );
}

/** 422: test cases fail; nothing was published. */
export function mappingTestsFail(tests: MappingTestReport): Problem {
  const failing = tests.results.filter((r) => !r.passed).map((r) => r.name);
  return new ProblemWith(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'mapping-tests-fail',
    'Mapping test cases fail',
    `${tests.failed} test case${tests.failed === 1 ? '' : 's'} fail: ${failing.join(', ')}. Nothing was published.`,
    { tests } satisfies Pick<MappingTestsFailedProblem, 'tests'>,
  );
}

/** 409: publishing would break records that map validly now; the caller must confirm. */
export function mappingWouldBreakRecords(impact: MappingImpactReport): Problem {
  return new ProblemWith(
    HttpStatus.CONFLICT,
    'mapping-breaks-records',
    'Publishing would break records',
    `${impact.newlyBroken} of the last ${impact.total} records map validly with version ${impact.comparedWithVersion} and would not with this draft. Publish again with confirmBreaking: true to go ahead.`,
    { impact } satisfies Pick<MappingBreakingChangeProblem, 'impact'>,
  );
}

/** 400: replay of errors that are not open errors of the flow the active version resolves. */
export function errorsNotReplayable(errorIds: readonly string[]): Problem {
  const message = `are not open errors of this flow that the active mapping version resolves: ${errorIds.join(', ')}`;
  return new ProblemWith(HttpStatus.BAD_REQUEST, 'errors-not-replayable', 'Errors not replayable', `errorIds ${message}. Nothing was retried.`, { refusedErrorIds: [...errorIds] } satisfies Pick<MappingReplayRefusedProblem, 'refusedErrorIds'>, [
    { field: 'errorIds', message },
  ]);
}
