import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MappingTestCase, MappingTestReport, ProblemDetails } from '@ferry/contracts';
import { toProblem } from '../../core/problem-details';
import { ProblemMessage } from '../../ui/problem-message';
import { MappingWorkspace } from './mapping-workspace';
import { MappingsApi } from './mappings-api';
import { TestResultList } from './test-result-list';

/** A name for a new test case that no other case has. */
export function uniqueTestName(wanted: string, taken: readonly string[]): string {
  const base = wanted.trim() || 'Test case';
  let name = base;
  for (let n = 2; taken.includes(name); n++) name = `${base} (${n})`;
  return name;
}

/**
 * Test cases: the current sample pinned with its current output as expected (editable
 * JSON), and all of them run on the server against the definition on screen.
 */
@Component({
  selector: 'ferry-mapping-test-cases',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, ProblemMessage, TestResultList],
  templateUrl: './mapping-test-cases.html',
  styleUrl: './mapping-test-cases.scss',
})
export class MappingTestCases {
  private readonly api = inject(MappingsApi);
  protected readonly workspace = inject(MappingWorkspace);

  protected readonly cases = computed(() => this.workspace.definition()?.testCases ?? []);
  protected readonly newName = signal('');
  protected readonly running = signal(false);
  protected readonly report = signal<MappingTestReport | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** JSON that does not parse, by case index (the case keeps its last valid expected output). */
  protected readonly jsonErrors = signal<Record<number, string>>({});
  protected readonly canPin = computed(() => this.workspace.canWrite() && this.workspace.sample() !== null && this.workspace.preview()?.output !== undefined);

  protected json(value: unknown): string {
    return JSON.stringify(value, null, 2) ?? '';
  }

  /** The sample and what the mapping makes of it now become a test case. */
  protected pin(): void {
    const sample = this.workspace.sample();
    const output = this.workspace.preview()?.output;
    if (!sample || output === undefined) return;
    const name = uniqueTestName(this.newName() || sample.label, this.cases().map((c) => c.name));
    const testCase: MappingTestCase = { name, input: sample.input, context: sample.context, expected: output };
    this.workspace.setTestCases([...this.cases(), testCase]);
    this.newName.set('');
  }

  protected remove(index: number): void {
    this.workspace.setTestCases(this.cases().filter((_, i) => i !== index));
    this.jsonErrors.set({});
  }

  protected editExpected(index: number, text: string): void {
    let expected: unknown;
    try {
      expected = JSON.parse(text);
    } catch (error) {
      this.jsonErrors.update((errors) => ({ ...errors, [index]: error instanceof Error ? error.message : 'Not valid JSON' }));
      return;
    }
    this.jsonErrors.update((errors) => {
      const rest = { ...errors };
      delete rest[index];
      return rest;
    });
    this.workspace.setTestCases(this.cases().map((c, i) => (i === index ? { ...c, expected } : c)));
  }

  protected rename(index: number, name: string): void {
    const trimmed = name.trim();
    if (!trimmed) return;
    this.workspace.setTestCases(this.cases().map((c, i) => (i === index ? { ...c, name: trimmed } : c)));
  }

  protected run(): void {
    const definition = this.workspace.definition();
    if (!definition || this.running()) return;
    this.running.set(true);
    this.problem.set(null);
    this.api.runTests(this.workspace.flow(), definition).subscribe({
      next: (report) => {
        this.running.set(false);
        this.report.set(report);
      },
      error: (error: unknown) => {
        this.running.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }
}
