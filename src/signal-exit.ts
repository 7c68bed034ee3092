// Exit codes of a run ended by a signal: the shell convention 128 + signal number, which CI runners
// and `timeout` read as "ended by this signal". src/cli.ts aborts the run's signal with a reason that
// names the signal; reportError turns the resulting CancelledError into this code.
export const SIGNAL_EXIT = { SIGINT: 130, SIGHUP: 129, SIGTERM: 143 } as const;

export type HandledSignal = keyof typeof SIGNAL_EXIT;

/** The abort reason src/cli.ts uses: an Error that remembers which signal it was. */
export const signalReason = (signal: HandledSignal) => Object.assign(new Error('cancelled'), { signal });

/** 143 after SIGTERM, 129 after SIGHUP, else 130 (Ctrl-C, at a prompt or as SIGINT). */
export function cancelExitCode(abort: AbortSignal | undefined): number {
  const signal = (abort?.reason as { signal?: string } | undefined)?.signal;
  return signal && signal in SIGNAL_EXIT ? SIGNAL_EXIT[signal as HandledSignal] : SIGNAL_EXIT.SIGINT;
}
