import pino from 'pino'
import { startRepeating } from '../../src/jobs/runner'

describe('a repeating background job', () => {
  it('runs again after a failed run, one run at a time, and stops when asked', async () => {
    const lines: { event?: string; job?: string }[] = []
    const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(JSON.parse(line)) })
    let runs = 0
    let running = 0
    let overlapped = false
    let thirdRun: () => void = () => {}
    const third = new Promise<void>((resolve) => (thirdRun = resolve))

    const job = startRepeating({
      name: 'example',
      intervalMs: 1,
      logger,
      run: async () => {
        running += 1
        overlapped ||= running > 1
        runs += 1
        await Promise.resolve()
        running -= 1
        if (runs === 1) throw new Error('the first run fails')
        if (runs === 3) thirdRun()
      },
    })
    await third
    await job.stop()
    const stoppedAt = runs

    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(runs).toBe(stoppedAt)
    expect(overlapped).toBe(false)
    expect(lines).toEqual([expect.objectContaining({ event: 'job_failed', job: 'example' })])
  })
})
