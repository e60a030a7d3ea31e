// Import watch files and whole exports: drop files or folders, or choose them. A watch
// file is sent on its own; an export (a service's .zip, Apple Health's export.xml) is
// streamed to the server, which imports it as it arrives and says how far it has come.
// A line per file (per run, for an export) says what became of it.
import { useRef, useState } from 'preact/hooks';

import { api, importExport, importProgress, type ImportArchiveSummary, type ImportedFile, type ImportJobProgress } from '../api';
import { UserText } from '../entries';
import { distance, duration } from '../format';
import { useSettings } from '../settings';
import { PageTitle } from '../ui';

const statusText: Record<ImportedFile['status'], string> = {
  imported: 'Imported',
  duplicate: 'Already there',
  skipped: 'Skipped',
  failed: 'Failed',
  not_activity: 'Not an activity file',
};

// What the log keeps of a run: its distance and the time the runs list shows (the
// watch's timer, else moving time), or the time alone when no distance was recorded.
function runText(r: ImportedFile, units: 'km' | 'mi'): string {
  if (!r.run) return '';
  const time = duration(r.run.duration_s);
  return r.run.distance_m === null ? `${time}, no distance recorded` : `${distance(r.run.distance_m, units)} in ${time}`;
}

// Makes the input a folder picker. Set on the element itself: as a JSX property the
// attribute does not reach the live input, which then picks single files.
function folderPicker(input: HTMLInputElement | null) {
  if (input) input.webkitdirectory = true;
}

// Activity files by their names, as the server tells them apart (.fit, .gpx, .tcx, each
// also gzipped). Other files in a watch folder (photos, notes) are not sent at all: a
// phone would upload megabytes only to hear they are no activity.
const activityName = /\.(fit|gpx|tcx)(\.gz)?$/i;
// A whole export: a service's zip (Strava, Garmin Connect, Apple Health), a gzipped one,
// or Apple Health's export.xml taken out of its zip.
const exportName = /\.(zip|gz|xml)$/i;
const isExport = (file: File) => exportName.test(file.name) && !activityName.test(file.name);

// An upload's name for the progress the server keeps (any random letters will do).
// crypto.getRandomValues, not randomUUID: a phone on the network has no secure context.
function newJobId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

// "412 MB", "1,200 MB"; a small file in tenths ("2.6 MB").
function megabytes(bytes: number): string {
  const mb = bytes / 1e6;
  return mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en-US');
}

function timeLeft(seconds: number): string {
  if (seconds < 60) return 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left`;
  return `about ${Math.round(minutes / 60)} hours left`;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

// One export on its way: the bytes the browser has sent, and what the server says.
interface ExportProgress {
  name: string;
  sent: number;
  total: number;
  server: ImportJobProgress | null;
}

function exportProgressText(p: ExportProgress): string {
  const runs = plural(p.server?.runs_found ?? 0, 'run', 'runs');
  if (p.sent < p.total) {
    const left = p.server?.seconds_left;
    return `${megabytes(p.sent)} of ${megabytes(p.total)} MB, ${runs} found${left != null ? `, ${timeLeft(left)}` : ''}.`;
  }
  return `All ${megabytes(p.total)} MB sent, ${runs} found. Finishing…`;
}

// What a finished export holds, in a sentence or two.
function exportSummaryText(s: ImportArchiveSummary): string {
  const parts = [
    `${plural(s.imported, 'new run', 'new runs')} imported`,
    `${plural(s.duplicates, 'run', 'runs')} already there`,
  ];
  if (s.skipped > 0) parts.push(`${plural(s.skipped, 'file', 'files')} skipped`);
  if (s.failed > 0) parts.push(`${plural(s.failed, 'file', 'files')} could not be read`);
  let text = `${parts.join(', ')}.`;
  if (s.resumed > 0) text += ` ${plural(s.resumed, 'file was', 'files were')} done in an earlier try and not read again.`;
  if (s.other > 0) text += ` ${plural(s.other, 'other file', 'other files')} (photos, other data) left alone.`;
  return text;
}

// Every file in a drop, folders walked (the browser's entries API).
async function filesFromDrop(items: DataTransferItemList): Promise<File[]> {
  const files: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      files.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  const entries = Array.from(items)
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
  for (const entry of entries) await walk(entry);
  return files;
}

export function ImportPage() {
  const [results, setResults] = useState<ImportedFile[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number; bytes: number; totalBytes: number } | null>(null);
  const [over, setOver] = useState(false);
  const [exporting, setExporting] = useState<ExportProgress | null>(null);
  const [exportSummaries, setExportSummaries] = useState<{ name: string; summary: ImportArchiveSummary }[]>([]);
  const [exportErrors, setExportErrors] = useState<{ name: string; message: string }[]>([]);
  const { settings } = useSettings();
  const units = settings?.units ?? 'km';
  const files = useRef<HTMLInputElement>(null);

  // One export: streamed, with the server's progress read every half second meanwhile.
  const sendExport = async (file: File): Promise<ImportArchiveSummary | null> => {
    const job = newJobId();
    let state: ExportProgress = { name: file.name, sent: 0, total: file.size, server: null };
    setExporting(state);
    let uploading = true;
    const poll = async () => {
      while (uploading) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        try {
          const server = await importProgress(job);
          if (uploading && server) setExporting((state = { ...state, server }));
        } catch {
          // a missed poll: the next one will do
        }
      }
    };
    void poll();
    try {
      return await importExport(file, job, (sent, total) => setExporting((state = { ...state, sent, total })));
    } catch (e) {
      setExportErrors((errors) => [...errors, { name: file.name, message: e instanceof Error ? e.message : String(e) }]);
      return null;
    } finally {
      uploading = false;
      setExporting(null);
    }
  };

  const run = async (all: File[]) => {
    if (all.length === 0) return;
    const exports = all.filter(isExport);
    const chosen = all.filter((file) => !isExport(file));
    const done: ImportedFile[] = [];
    setResults([]);
    setExportSummaries([]);
    setExportErrors([]);
    setProgress(null);
    for (const file of exports) {
      const summary = await sendExport(file);
      if (!summary) continue;
      setExportSummaries((list) => [...list, { name: file.name, summary }]);
      done.push(...summary.files);
      setResults([...done]);
    }
    if (chosen.length === 0) return;
    const totalBytes = chosen.reduce((sum, f) => sum + f.size, 0);
    let bytes = 0;
    let files = 0;
    setProgress({ done: 0, total: chosen.length, bytes: 0, totalBytes });
    for (const file of chosen) {
      try {
        done.push(activityName.test(file.name) ? await api.importFile(file) : {
          file: file.webkitRelativePath || file.name, status: 'not_activity', reason_id: 'not_activity_file',
          reason: 'Not an activity file (FIT, GPX or TCX), so it is left alone.', warnings: [], notices: [], pace_implausible: false,
        });
      } catch (e) {
        done.push({
          file: file.webkitRelativePath || file.name, status: 'failed', reason: e instanceof Error ? e.message : String(e),
          reason_id: 'unreadable', warnings: [], notices: [], pace_implausible: false,
        });
      }
      bytes += file.size;
      files += 1;
      setResults([...done]);
      setProgress({ done: files, total: chosen.length, bytes, totalBytes });
    }
  };

  const counts = (status: ImportedFile['status']) => results.filter((r) => r.status === status).length;
  const stopped = results.filter((r) => r.reason_id === 'export_stopped');
  const finished = progress !== null && progress.done === progress.total;

  return (
    <>
      <PageTitle>Import from your watch</PageTitle>
      <p>
        FIT, GPX and TCX files (also .gz) from a watch or a phone, or a whole export from
        Strava, Garmin Connect or Apple Health: the .zip as you downloaded it, or Apple
        Health's export.xml. The same run from two places is kept once. Rides, walks and
        settings files are skipped, with the reason.
      </p>
      <div
        class={over ? 'drop over' : 'drop'}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={async (e) => {
          e.preventDefault();
          setOver(false);
          if (e.dataTransfer) run(await filesFromDrop(e.dataTransfer.items));
        }}
      >
        <p>Drop files, folders or an export here, or choose them:</p>
        <p class="actions">
          <input id="import-files" ref={files} class="visually-hidden" type="file" multiple
            accept=".fit,.gpx,.tcx,.gz,.zip,.xml,.FIT,.GPX,.TCX,.GZ,.ZIP,.XML"
            onChange={() => run(Array.from(files.current?.files ?? []))} />
          <label class="button" for="import-files">Choose files</label>
          <input id="import-folder" ref={folderPicker} class="visually-hidden" type="file" multiple
            onChange={(e) => run(Array.from(e.currentTarget.files ?? []))} />
          <label class="button secondary" for="import-folder">Choose a folder</label>
        </p>
      </div>
      {exporting && (
        <section aria-labelledby="export-heading">
          <h2 id="export-heading">Importing your export…</h2>
          <p class="file-name"><bdi dir="auto">{exporting.name}</bdi></p>
          <progress value={exporting.sent} max={Math.max(exporting.total, 1)} aria-labelledby="export-text" />
          <p id="export-text" aria-live="polite">{exportProgressText(exporting)}</p>
          <p class="muted">Keep this page open until it is done. If it stops, the runs read so far are kept.</p>
        </section>
      )}
      {exportErrors.map((e) => (
        <div key={e.name} class="card urgent" role="alert">
          <p><strong>Your export <bdi dir="auto">{e.name}</bdi> could not be imported.</strong></p>
          <p>{e.message}</p>
        </div>
      ))}
      {stopped.map((r) => (
        <div key={r.file} class="card urgent" role="alert">
          <p><strong>The export stopped before its end.</strong></p>
          <p>{r.reason}</p>
        </div>
      ))}
      {exportSummaries.map(({ name, summary }) => (
        <section key={name} aria-label={`Export ${name}`}>
          <h2>Done: <bdi dir="auto">{name}</bdi></h2>
          <p>{exportSummaryText(summary)}</p>
          {summary.imported > 0 && (
            <p>
              Say how your back felt during your recent runs on the <a href="#/log">log page</a>;
              the plan counts a run once it has a pain score.
            </p>
          )}
        </section>
      ))}
      {progress && (
        <section aria-labelledby="progress-heading">
          <h2 id="progress-heading">{finished ? 'Done' : 'Importing…'}</h2>
          <progress value={progress.bytes} max={Math.max(progress.totalBytes, 1)} aria-labelledby="progress-text" />
          <p id="progress-text" aria-live="polite">
            {progress.done} of {progress.total} files, {(progress.bytes / 1e6).toFixed(1)} of{' '}
            {(progress.totalBytes / 1e6).toFixed(1)} MB.
            {finished &&
              ` Imported ${counts('imported')}, already there ${counts('duplicate')}, skipped ${counts('skipped')}, failed ${counts('failed')}.`}
            {finished && counts('not_activity') > 0 &&
              ` ${counts('not_activity')} other ${counts('not_activity') === 1 ? 'file was' : 'files were'} not activity files and ${counts('not_activity') === 1 ? 'was' : 'were'} left alone.`}
          </p>
          {finished && counts('imported') > 0 && (
            <p>
              Say how your back felt during each new run on the <a href="#/log">log page</a>; the
              plan counts a run once it has a pain score.
            </p>
          )}
        </section>
      )}
      {results.length > 0 && (
        <div class="scroll" tabIndex={0} role="region" aria-labelledby="results-caption">
          <table class="results">
            <caption id="results-caption">What became of each run and file</caption>
            <thead>
              <tr>
                <th scope="col">Run or file</th>
                <th scope="col">Result</th>
                <th scope="col" class="wide-only">Date</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r, i) => (
                <tr key={i} class={`status-${r.status}`}>
                  <td>
                    {r.title ? (<><UserText text={r.title} /><span class="file-name" title={r.file}>{r.file.split('/').pop()}</span></>) : r.file}
                  </td>
                  <td>
                    {r.run_id !== undefined ? <a href={`#/runs/${r.run_id}`}>{statusText[r.status]}</a> : statusText[r.status]}
                    {r.run && <span class="narrow-only"> {r.run.date}</span>}
                  </td>
                  <td class="wide-only">{r.run?.date ?? '–'}</td>
                  <td>
                    {r.status === 'imported' && r.run ? `${runText(r, units)}. ` : ''}
                    {r.reason}
                    {[...r.notices, ...r.warnings].map((line) => <p key={line} class="note">{line}</p>)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
