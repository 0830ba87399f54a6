export const REPORT_KINDS = ['observation', 'report', 'complaint'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

export const REPORT_STATUSES = [
  'submitted',
  'acknowledged',
  'in_progress',
  'resolved',
  'rejected',
  'duplicate',
] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

/** Where a clerk may move a report from each state; `duplicate` needs the original and comes later. */
const NEXT_STATUSES: Record<ReportStatus, readonly ReportStatus[]> = {
  submitted: ['acknowledged', 'in_progress', 'resolved', 'rejected'],
  acknowledged: ['in_progress', 'resolved', 'rejected'],
  in_progress: ['acknowledged', 'resolved', 'rejected'],
  resolved: ['in_progress'],
  rejected: ['acknowledged', 'in_progress'],
  duplicate: [],
}

export function nextStatuses(status: ReportStatus): readonly ReportStatus[] {
  return NEXT_STATUSES[status]
}

export function canMove(from: ReportStatus, to: ReportStatus): boolean {
  return NEXT_STATUSES[from].includes(to)
}

export const OPEN_STATUSES: readonly ReportStatus[] = ['submitted', 'acknowledged', 'in_progress']
