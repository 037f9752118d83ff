import { useRef, useState, type DragEvent } from 'react';
import { api, uploadFile } from '../lib/api.js';
import { href } from '../lib/router.js';
import { useAsync } from '../lib/useAsync.js';
import { ErrorLine } from '../components/Status.js';

/** "512 KB", "20 MB": sizes as people read them. */
function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MB`;
}

/** Upload: drag and drop (or choose) a file, watch progress, land in the reader. */
export function UploadPage() {
  const meta = useAsync(() => api.meta(), []);
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [phase, setPhase] = useState<'idle' | 'sending' | 'analysing'>('idle');
  const [error, setError] = useState<unknown>(null);
  const [over, setOver] = useState(false);
  const formats = meta.data?.uploadFormats ?? ['.txt'];
  const limit = meta.data?.maxUploadBytes;

  const send = async (file: File) => {
    setError(null);
    const ext = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.')).toLowerCase() : '';
    if (meta.data && !formats.includes(ext)) {
      setError(new Error(`"${ext || 'no extension'}" files cannot be imported; accepted: ${formats.join(', ')}`));
      return;
    }
    if (limit && file.size > limit) {
      setError(new Error(`the file is ${formatBytes(file.size)}, larger than the limit of ${formatBytes(limit)}`));
      return;
    }
    setPhase('sending');
    setProgress(0);
    try {
      const out = await uploadFile(file, (f) => {
        setProgress(f);
        if (f >= 1) setPhase('analysing');
      });
      window.location.hash = href.doc(out.id);
    } catch (e) {
      setError(e);
      setPhase('idle');
      setProgress(null);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) void send(f);
  };

  return (
    <section className="upload">
      <h1>Upload a declaration</h1>
      <div
        className={over ? 'dropzone over' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>Drop a file here, or</p>
        <button type="button" onClick={() => input.current?.click()} disabled={phase !== 'idle'}>
          Choose a file…
        </button>
        <input
          ref={input}
          type="file"
          className="sr-only"
          aria-label="File to upload"
          accept={formats.join(',')}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void send(f);
            e.target.value = '';
          }}
        />
        <p className="hint">
          Accepted: {formats.join(', ')}
          {limit ? ` · up to ${formatBytes(limit)}` : ''}
        </p>
      </div>
      {progress !== null && (
        <div className="progress" role="status">
          <progress max={1} value={progress} aria-label="Upload progress" /> {phase === 'analysing' ? 'Analysing…' : `${Math.round(progress * 100)} %`}
        </div>
      )}
      {error ? <ErrorLine error={error} /> : null}
    </section>
  );
}
