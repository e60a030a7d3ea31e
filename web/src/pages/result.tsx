// The assessment: route, reasons, advice and what happens next. Doctor and clinician
// routes are shown plainly, with no plan.
import type { Assessment } from '../api';
import { api } from '../api';
import { Loading, NoPlan, PageTitle, useLoad } from '../ui';

export function AssessmentView({
  assessment,
  emergency = false,
}: {
  assessment: Assessment;
  emergency?: boolean;
}) {
  const urgent = !assessment.leads_to_plan;
  return (
    <>
      <section class={urgent ? 'card urgent' : 'card'} role={emergency ? 'alert' : undefined}>
        <h2>{assessment.route_title}</h2>
        <p>{assessment.summary}</p>
        {assessment.urgency_text && (
          <p class="urgency">
            <strong>How soon: {assessment.urgency_text.title}.</strong> {assessment.urgency_text.text}
          </p>
        )}
        {assessment.safety && (
          <>
            <h3>{assessment.safety.title}</h3>
            <p>{assessment.safety.text}</p>
          </>
        )}
      </section>
      {assessment.notice_texts.map((notice) => (
        <section class="card notice" key={notice.id}>
          <h2>{notice.title}</h2>
          <p>{notice.text}</p>
          <p class="why">
            <strong>Why:</strong> {notice.why}
          </p>
        </section>
      ))}
      {assessment.warning_signs.length > 0 && (
        <section>
          <h2>Warning signs</h2>
          <ul>
            {assessment.warning_signs.map((sign) => (
              <li key={sign.id}>
                {sign.label}
                {sign.unsure && ' (you were not sure)'}
              </li>
            ))}
          </ul>
        </section>
      )}
      {assessment.reasons.length > 0 && (
        <section>
          <h2>Why</h2>
          <ul>
            {assessment.reasons.map((reason) => (
              <li key={reason.rule + reason.field}>{reason.text}</li>
            ))}
          </ul>
        </section>
      )}
      {assessment.advice.length > 0 && (
        <section>
          <h2>What to do</h2>
          {assessment.advice.map((item) => (
            <article class="advice" key={item.id}>
              <h3>{item.title}</h3>
              <p>{item.text}</p>
              <p class="why">
                <strong>Why:</strong> {item.why}
              </p>
            </article>
          ))}
        </section>
      )}
      <section>
        <h2>What happens next</h2>
        <p>{assessment.next}</p>
      </section>
      <section class="card safety-net">
        <h2>{assessment.safety_net.title}</h2>
        <p>{assessment.safety_net.text}</p>
      </section>
      <p class="muted">{assessment.disclaimer}</p>
    </>
  );
}

export function ResultPage() {
  const { data, error } = useLoad((signal) => api.assessment(signal), []);
  if (error) return (<><PageTitle>Your result</PageTitle><NoPlan error={error} /></>);
  if (!data) return (<><PageTitle>Your result</PageTitle><Loading /></>);
  return (
    <>
      <PageTitle>Your result</PageTitle>
      <AssessmentView assessment={data.assessment} />
      <p class="actions">
        {data.assessment.leads_to_plan && (
          <a class="button" href="#/plan">See your plan</a>
        )}
        <a class="button secondary" href="#/questions">Answer the questions again</a>
      </p>
    </>
  );
}
