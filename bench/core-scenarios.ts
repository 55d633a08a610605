/** In-process scenarios of the pure rules (scheduler, forecast); each module brings its own generator. */
export type CoreRow = { scenario: string; value: string; target: string; ok: boolean | null };

export async function coreScenarios(): Promise<CoreRow[]> {
  return [];
}
