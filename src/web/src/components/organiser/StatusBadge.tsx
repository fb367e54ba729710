import { statusText } from './campaigns';

/** A campaign's status in words (never colour alone); the class gives the colour, data-status the API's value. */
export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <span className={`badge ${status.toLowerCase()}`} data-status={status} data-testid={testId}>
      {statusText(status).label}
    </span>
  );
}
