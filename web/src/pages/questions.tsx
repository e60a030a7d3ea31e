// One question at a time, warning signs first, with why each is asked. The server keeps
// no state: every step sends the replies so far and gets the next question back.
import { useEffect, useRef, useState } from 'preact/hooks';

import { api, isAborted, type Assessment, type Question, type QuestionnaireState } from '../api';
import { ErrorNote, Loading, PageTitle } from '../ui';
import { AssessmentView } from './result';

// An input for the reply to one question, as the runner would type it.
interface ReplyProps {
  question: Question;
  value: string;
  onChange: (value: string) => void;
}

function Choices({ question, value, onChange }: ReplyProps) {
  const options: { id: string; label: string }[] =
    question.kind === 'choice'
      ? question.choices
      : question.kind === 'yes_no_unsure'
        ? [
            { id: 'yes', label: 'Yes' },
            { id: 'no', label: 'No' },
            { id: 'not sure', label: 'Not sure' },
          ]
        : [
            { id: 'yes', label: 'Yes' },
            { id: 'no', label: 'No' },
          ];
  return (
    <div class="choices">
      {options.map((option) => (
        <label key={option.id} class="choice">
          <input
            type="radio"
            name="reply"
            value={option.id}
            checked={value === option.id}
            onChange={() => onChange(option.id)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}

// A length of time, typed as people say it; the server converts "6 weeks" to months.
function DurationInput({ question, value, onChange }: ReplyProps) {
  const weeks = question.unit === 'weeks';
  return (
    <p>
      <label for="reply-number">
        {weeks
          ? 'A number of weeks, or say it another way, such as "10 days" or "2 months"'
          : 'A number of months, such as 18 or 2.5, or say it another way, such as "6 weeks" or "1.5 years"'}
      </label>
      <input
        id="reply-number"
        type="text"
        inputMode="text"
        autoComplete="off"
        value={value}
        onInput={(e) => onChange((e.target as HTMLInputElement).value)}
      />
    </p>
  );
}

function NumberInput({ question, value, onChange }: ReplyProps) {
  const whole = question.kind === 'whole_number';
  return (
    <p>
      <label for="reply-number">
        {whole
          ? `A whole number from ${question.min} to ${question.max}`
          : `A number${question.optional ? ' (leave empty if you do not know)' : ''}`}
      </label>
      <input
        id="reply-number"
        type="number"
        inputMode={whole ? 'numeric' : 'decimal'}
        step={whole ? 1 : 'any'}
        min={whole ? question.min : 0}
        max={question.max}
        value={value}
        onInput={(e) => onChange((e.target as HTMLInputElement).value)}
      />
    </p>
  );
}

export function QuestionsPage() {
  const [replies, setReplies] = useState<string[]>([]);
  const [state, setState] = useState<QuestionnaireState | null>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [stopped, setStopped] = useState<Assessment | null>(null);
  const legend = useRef<HTMLLegendElement>(null);

  // `signal`: the first question's load, given up on if the page is left before it comes.
  const go = async (next: string[], prefill = '', signal?: AbortSignal) => {
    setBusy(true);
    try {
      const answer = await api.questionnaire(next, signal);
      setError(null);
      if (answer.stopped && answer.assessment) {
        setStopped(answer.assessment);
        return;
      }
      if (answer.finished && answer.answers) {
        const assessed = await api.assess(answer.answers);
        // A warning sign is never stored, so there is no result page to go to.
        if (!assessed.stored) {
          setStopped(assessed.assessment);
          return;
        }
        location.hash = '#/result';
        return;
      }
      setReplies(next);
      setState(answer);
      setValue(prefill);
      requestAnimationFrame(() => legend.current?.focus());
    } catch (e) {
      if (!isAborted(e)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const controller = new AbortController();
    go([], '', controller.signal);
    return () => controller.abort();
  }, []);

  if (stopped) {
    return (
      <>
        <PageTitle>Please stop here</PageTitle>
        <AssessmentView assessment={stopped} emergency />
        <p>Nothing you answered has been saved.</p>
        <p>
          <button type="button" class="secondary" onClick={() => {
            setStopped(null);
            go(replies);
          }}>
            I answered by mistake: go back
          </button>
        </p>
      </>
    );
  }
  if (!state?.question) return (<><PageTitle>Questions</PageTitle>{error ? <ErrorNote error={error} /> : <Loading />}</>);
  const question = state.question;
  const isDuration = question.kind === 'duration';
  const isNumber = isDuration || question.kind === 'whole_number' || question.kind === 'decimal';
  return (
    <>
      <PageTitle>Questions</PageTitle>
      <p class="muted">
        Question {state.number} of about {state.total}.{' '}
        {question.id.startsWith('red_flags.')
          ? 'These first questions check for signs that need a doctor.'
          : 'Now about your running and your back.'}
      </p>
      <progress value={state.number - 1} max={state.total} aria-label="Questions answered" />
      <p class="noted" role="status">
        {state.noted ? `Noted: ${state.noted}.` : ''}
      </p>
      <form
        class="card question"
        data-question={question.id}
        onSubmit={(e) => {
          e.preventDefault();
          if (!isNumber && value === '') {
            setError(new Error('Please choose an answer.'));
            return;
          }
          go([...replies, value]);
        }}
      >
        <fieldset>
          <legend ref={legend} tabIndex={-1}>
            {question.prompt}
          </legend>
          <p class="why">
            <strong>Why we ask:</strong> {question.why}
          </p>
          {isDuration ? (
            <DurationInput question={question} value={value} onChange={setValue} />
          ) : isNumber ? (
            <NumberInput question={question} value={value} onChange={setValue} />
          ) : (
            <Choices question={question} value={value} onChange={setValue} />
          )}
        </fieldset>
        <ErrorNote error={error} />
        <div class="actions">
          <button
            type="button"
            class="secondary"
            disabled={busy || replies.length === 0}
            onClick={() => go(replies.slice(0, -1), replies[replies.length - 1])}
          >
            Back
          </button>
          <button type="submit" disabled={busy}>
            Next
          </button>
        </div>
      </form>
    </>
  );
}
