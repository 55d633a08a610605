export type ScheduleErrorCode =
  /** The dependencies form a cycle; taskIds lists it in order (each one precedes the next, the last precedes the first). */
  | 'CYCLE'
  /** A dependency links a summary task (one with children); taskIds are its summary end(s), dependencyId the dependency. */
  | 'SUMMARY_DEPENDENCY'
  /** A dependency or parentId names a task that is not in the input; taskIds are the unknown ids. */
  | 'UNKNOWN_TASK'
  /** Anything else malformed: duplicate ids, a parent cycle, a non-integer duration or lag, a bad date. */
  | 'INVALID_INPUT';

/** The one error computeSchedule throws for a network it cannot schedule. */
export class ScheduleError extends Error {
  override readonly name = 'ScheduleError';
  readonly code: ScheduleErrorCode;
  readonly taskIds: string[];
  /** The offending dependency, when one is to blame. */
  readonly dependencyId: string | undefined;

  constructor(code: ScheduleErrorCode, message: string, taskIds: string[], dependencyId?: string) {
    super(message);
    this.code = code;
    this.taskIds = taskIds;
    this.dependencyId = dependencyId;
  }
}
