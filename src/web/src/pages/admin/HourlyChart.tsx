// Recharts is imported only here (and only the admin area loads this file), so donors never download it.
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { useId } from 'react';
import { hourlySummary, type HourRow } from './helpers';

/**
 * Donations per hour over the last day as bars, with the same figures in words (always shown) and as a table
 * (on request) for people who do not see the chart; the drawing itself is hidden from assistive tech.
 */
export function HourlyChart({ rows, money }: { rows: HourRow[]; money: (amount: number) => string }) {
  const captionId = useId();
  const summary = hourlySummary(rows, money);
  return (
    <figure className="a-hourly-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <h3>Donations per hour, last 24 hours (Dhaka time)</h3>
        <p data-testid="hourly-summary">{summary}</p>
      </figcaption>
      {rows.length > 0 && (
        <div className="a-chart-area" aria-hidden="true">
          <BarChart
            responsive
            accessibilityLayer={false}
            data={rows}
            style={{ width: '100%', height: 240 }}
            margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" interval="preserveStartEnd" minTickGap={16} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} width={32} tick={{ fontSize: 12 }} />
            <Tooltip
              formatter={(value, _name, item) => {
                const row = item?.payload as HourRow | undefined;
                return [`${String(value)} (${money(row?.amount ?? 0)})`, 'Donations'];
              }}
            />
            <Bar dataKey="donations" name="Donations" fill="#0f766e" isAnimationActive={false} />
          </BarChart>
        </div>
      )}
      {rows.length > 0 && (
        <details>
          <summary>Show the hourly figures as a table</summary>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Donations per hour, last 24 hours (Dhaka time)</caption>
              <thead>
                <tr>
                  <th scope="col">Hour starting</th>
                  <th scope="col">Donations</th>
                  <th scope="col">Amount</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.hour}>
                    <th scope="row">{row.label}</th>
                    <td>{row.donations}</td>
                    <td>{money(row.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
