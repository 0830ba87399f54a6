// Background work that runs in the portal's process again and again until it stops: one run at a
// time, the next one `intervalMs` after the last has finished. A run that fails is logged, and the
// next one comes as planned. The work itself must be safe with several processes doing it at once.
import type { Logger } from 'pino'

export type RepeatingJob = { stop(): Promise<void> }

export type RepeatingJobOptions = {
  name: string
  intervalMs: number
  logger: Logger
  run: () => Promise<void>
}

export function startRepeating({ name, intervalMs, logger, run }: RepeatingJobOptions): RepeatingJob {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined

  const tick = () => {
    running = run()
      .catch((err: unknown) => logger.error({ err, event: 'job_failed', job: name }, 'background job failed'))
      .finally(() => {
        running = undefined
        if (!stopped) timer = setTimeout(tick, intervalMs).unref()
      })
  }
  timer = setTimeout(tick, 0).unref()

  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
