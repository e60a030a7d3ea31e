// Import watch files: drop files or folders, or choose them; each is sent on its own,
// with progress, and a line per file says what became of it.
import { useRef, useState } from 'preact/hooks';

import { api, type ImportedFile } from '../api';
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
  const { settings } = useSettings();
  const units = settings?.units ?? 'km';
  const files = useRef<HTMLInputElement>(null);

  const run = async (chosen: File[]) => {
    if (chosen.length === 0) return;
    const totalBytes = chosen.reduce((sum, f) => sum + f.size, 0);
    const done: ImportedFile[] = [];
    let bytes = 0;
    setResults([]);
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
      setResults([...done]);
      setProgress({ done: done.length, total: chosen.length, bytes, totalBytes });
    }
  };

  const counts = (status: ImportedFile['status']) => results.filter((r) => r.status === status).length;
  const finished = progress !== null && progress.done === progress.total;

  return (
    <>
      <PageTitle>Import from your watch</PageTitle>
      <p>
        FIT, GPX and TCX files (also .gz) from a watch, a phone or an app's export. The same
        run from two devices is kept once. Rides, walks and settings files are skipped, with
        the reason.
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
        <p>Drop files or folders here, or choose them:</p>
        <p class="actions">
          <input id="import-files" ref={files} class="visually-hidden" type="file" multiple
            accept=".fit,.gpx,.tcx,.gz,.FIT,.GPX,.TCX"
            onChange={() => run(Array.from(files.current?.files ?? []))} />
          <label class="button" for="import-files">Choose files</label>
          <input id="import-folder" ref={folderPicker} class="visually-hidden" type="file" multiple
            onChange={(e) => run(Array.from(e.currentTarget.files ?? []))} />
          <label class="button secondary" for="import-folder">Choose a folder</label>
        </p>
      </div>
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
            <caption id="results-caption">What became of each file</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Result</th>
                <th scope="col">Date</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r, i) => (
                <tr key={i} class={`status-${r.status}`}>
                  <td>{r.file}</td>
                  <td>
                    {r.run_id !== undefined ? <a href={`#/runs/${r.run_id}`}>{statusText[r.status]}</a> : statusText[r.status]}
                  </td>
                  <td>{r.run?.date ?? '–'}</td>
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
