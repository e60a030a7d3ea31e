// Distances, times and paces in the runner's units, as the CLI writes them.
import type { Settings } from './api';

export type Units = Settings['units'];

const METRES_PER_MILE = 1609.344;

export function distance(metres: number, units: Units): string {
  return units === 'mi'
    ? `${(metres / METRES_PER_MILE).toFixed(2)} mi`
    : `${(metres / 1000).toFixed(2)} km`;
}

export function duration(seconds: number): string {
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export function pace(secondsPerKm: number, units: Units): string {
  const perUnit = units === 'mi' ? (secondsPerKm * METRES_PER_MILE) / 1000 : secondsPerKm;
  return `${duration(perUnit)} /${units}`;
}

// Distance in the runner's unit, as a number (for charts).
export function inUnits(metres: number, units: Units): number {
  return units === 'mi' ? metres / METRES_PER_MILE : metres / 1000;
}

// "2026-03-02" as "Mon 2 Mar".
export function shortDate(iso: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  return date.toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

// "2026-03-02" as "2 Mar 2026", for lists that span years.
export function dateWithYear(iso: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  return `${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })} ${iso.slice(0, 4)}`;
}

export function routeName(route: string): string {
  return route.replace(/_/g, ' ');
}
