// A uPlot chart that fits its container, with its numbers in a table for screen readers
// and anyone who prefers them.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export function Chart({
  id,
  title,
  description,
  options,
  data,
  table,
}: {
  id: string;
  title: string;
  description: string;
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  table: ComponentChildren;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const size = () => ({ width: Math.max(element.clientWidth, 280), height: 260 });
    const plot = new uPlot({ ...options, ...size() }, data, element);
    // Resized in the next frame, not inside the observer's callback: resizing there changes
    // the layout it observes, which browsers report as a "ResizeObserver loop" error.
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => plot.setSize(size()));
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      plot.destroy();
    };
  }, [options, data]);
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <h2 id={`${id}-title`}>{title}</h2>
        <p>{description}</p>
      </figcaption>
      <div ref={box} class="plot" role="img" aria-label={`${title}: chart; the same numbers are in the table below.`} />
      <details>
        <summary>The numbers, as a table</summary>
        {table}
      </details>
    </figure>
  );
}
